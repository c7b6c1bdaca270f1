/**
 * One race at a time, held in module memory (a language switch remounts the widgets; the race
 * and its curves carry on). The race code arrives with the first race (dynamic import); tfjs
 * runs only in the race's workers.
 */
import type { BackendName } from '../../core/backendChoice';
import { createViewStore } from '../cell/viewStore';
import type { RaceOptions, Race } from './raceTraining';
import type { RaceArch } from './raceModel';

export type RaceStatus =
  'idle' | 'loading' | 'running' | 'completed' | 'cancelled' | 'diverged' | 'error';

export interface RaceView {
  status: RaceStatus;
  options: RaceOptions | null;
  losses: Record<RaceArch, readonly number[]>;
  seconds: Record<RaceArch, readonly number[]>;
  /** The backend the workers train on, once the first has started. */
  backend: BackendName | null;
  error: string | null;
}

const IDLE: RaceView = {
  status: 'idle',
  options: null,
  losses: { lstm: [], gru: [] },
  seconds: { lstm: [], gru: [] },
  backend: null,
  error: null,
};

let race: Race | null = null;
let generation = 0;
const store = createViewStore<RaceView>(IDLE);
const update = store.update;
export const getRaceView = store.get;
export const useRaceView = store.use;
export function isRacing(status: RaceStatus): boolean {
  return status === 'loading' || status === 'running';
}

export async function startRace(options: RaceOptions): Promise<void> {
  race?.cancel();
  const mine = ++generation;
  update({ ...IDLE, status: 'loading', options });
  try {
    const { runRace } = await import('./raceTraining');
    if (mine !== generation) return;
    update({ status: 'running' });
    const losses: Record<RaceArch, number[]> = { lstm: [], gru: [] };
    const seconds: Record<RaceArch, number[]> = { lstm: [], gru: [] };
    race = runRace(
      options,
      (event) => {
        if (mine !== generation) return;
        losses[event.arch].push(event.loss);
        seconds[event.arch].push(event.seconds);
        update({
          losses: { lstm: losses.lstm.slice(), gru: losses.gru.slice() },
          seconds: { lstm: seconds.lstm.slice(), gru: seconds.gru.slice() },
        });
      },
      undefined,
      (backend) => {
        if (mine === generation) update({ backend });
      },
    );
    const result = await race.done;
    if (mine !== generation) return;
    race = null;
    update({ status: result.status });
  } catch (error) {
    if (mine !== generation) return;
    race = null;
    update({ status: 'error', error: error instanceof Error ? error.message : String(error) });
  }
}

export function cancelRace(): void {
  if (race) {
    race.cancel();
  } else if (store.get().status === 'loading') {
    generation++;
    update({ status: 'cancelled' });
  }
}
