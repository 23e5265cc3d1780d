#!/bin/sh
# One-shot job (temporalio/admin-tools): waits for the Temporal frontend, registers the engine's
# namespace and its custom search attributes (the same set temporal.dev.yaml registers for the
# dev server). Idempotent: whatever already exists is left alone; an attribute that exists with
# another type is an error, because the engine's visibility queries would not match it.
set -eu

: "${TEMPORAL_ADDRESS:=temporal:7233}"
: "${TEMPORAL_NAMESPACE:=default}"
: "${TEMPORAL_NAMESPACE_RETENTION:=72h}"
# name:type pairs, space separated.
: "${TEMPORAL_SEARCH_ATTRIBUTES:=CampaignId:Keyword CustomerId:Keyword CampaignChannel:Keyword CampaignStatus:Keyword CallId:Keyword CustomCallId:Keyword}"
: "${SETUP_TIMEOUT_SECONDS:=180}"
# After adding attributes, give every Temporal service time to reload its namespace cache
# (refreshed every 10 s by default) before the workers start upserting them.
: "${SEARCH_ATTRIBUTE_SETTLE_SECONDS:=15}"

ns() { temporal operator "$@" --address "$TEMPORAL_ADDRESS" --namespace "$TEMPORAL_NAMESPACE"; }

wait_for() {
  what=$1
  shift
  waited=0
  until "$@" >/dev/null 2>&1; do
    if [ "$waited" -ge "$SETUP_TIMEOUT_SECONDS" ]; then
      echo "timed out after ${SETUP_TIMEOUT_SECONDS}s waiting for $what" >&2
      exit 1
    fi
    sleep 2
    waited=$((waited + 2))
  done
}

frontend_serving() {
  temporal operator cluster health --address "$TEMPORAL_ADDRESS" | grep -q SERVING
}

# Prints the type of a registered search attribute, nothing when it is not registered.
attribute_type() {
  ns search-attribute list | awk -v name="$1" '$1 == name { print $2; exit }'
}

attribute_listed() {
  [ -n "$(attribute_type "$1")" ]
}

wait_for "the Temporal frontend at $TEMPORAL_ADDRESS" frontend_serving
echo "Temporal frontend at $TEMPORAL_ADDRESS is serving"

if ns namespace describe >/dev/null 2>&1; then
  echo "namespace $TEMPORAL_NAMESPACE already registered"
else
  if out=$(ns namespace create --retention "$TEMPORAL_NAMESPACE_RETENTION" \
    --description "Outbound campaign engine" 2>&1); then
    echo "registered namespace $TEMPORAL_NAMESPACE (retention $TEMPORAL_NAMESPACE_RETENTION)"
  else
    case $out in
      *"already exists"* | *AlreadyExists*) echo "namespace $TEMPORAL_NAMESPACE already registered" ;;
      *)
        echo "$out" >&2
        exit 1
        ;;
    esac
  fi
fi

# A new namespace becomes usable once the frontend's namespace cache has picked it up.
wait_for "namespace $TEMPORAL_NAMESPACE to become usable" ns search-attribute list

added=0
for pair in $TEMPORAL_SEARCH_ATTRIBUTES; do
  name=${pair%%:*}
  type=${pair#*:}
  current=$(attribute_type "$name")
  if [ -n "$current" ]; then
    if [ "$current" != "$type" ]; then
      echo "search attribute $name exists with type $current, expected $type" >&2
      exit 1
    fi
    echo "search attribute $name ($type) already registered"
    continue
  fi
  if out=$(ns search-attribute create --name "$name" --type "$type" 2>&1); then
    echo "registered search attribute $name ($type)"
    added=1
  else
    case $out in
      *"already exists"* | *AlreadyExists*) echo "search attribute $name already registered" ;;
      *)
        echo "$out" >&2
        exit 1
        ;;
    esac
  fi
done

for pair in $TEMPORAL_SEARCH_ATTRIBUTES; do
  name=${pair%%:*}
  wait_for "search attribute $name to be listed" attribute_listed "$name"
done

if [ "$added" -eq 1 ]; then
  echo "waiting ${SEARCH_ATTRIBUTE_SETTLE_SECONDS}s for the server's namespace caches to refresh"
  sleep "$SEARCH_ATTRIBUTE_SETTLE_SECONDS"
fi
echo "namespace $TEMPORAL_NAMESPACE is ready"
