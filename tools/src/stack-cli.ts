import { isPidAlive } from '@engine/local-services';
import { describeStack, stackUp } from './stack/stack-up';
import { stackDown } from './stack/stack-down';
import { readStackState } from './stack/state';

async function main(command: string | undefined): Promise<void> {
  switch (command) {
    case 'up': {
      const started = Date.now();
      const state = await stackUp();
      console.log(`\nstack is up in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
      for (const line of describeStack(state)) console.log(`  ${line}`);
      return;
    }
    case 'down':
      await stackDown();
      return;
    case 'status': {
      const state = readStackState();
      if (!state) {
        console.log('stack is not running');
        return;
      }
      for (const [name, s] of Object.entries(state.services)) {
        const status = s.external ? 'external' : isPidAlive(s.pid) ? `running (pid ${s.pid})` : 'stopped';
        console.log(`${name.padEnd(12)} ${status}`);
      }
      return;
    }
    default:
      throw new Error(`usage: stack-cli up|down|status (got ${command ?? 'nothing'})`);
  }
}

main(process.argv[2]).catch((err: unknown) => {
  console.error(`\nstack: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
