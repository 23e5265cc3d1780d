const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * 32-bit FNV-1a hash of a string's UTF-16 code units (the standard FNV-1a for ASCII keys such as
 * UUIDs), as an unsigned integer. Plain arithmetic, so it is identical in workflow replays and on
 * every worker; not for anything security-related.
 */
export function fnv1a32(key: string): number {
  let hash = FNV_OFFSET_BASIS;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME) >>> 0;
  }
  return hash >>> 0;
}
