import path from 'node:path';
import type { TrainingCourtLauncher } from '../core/ports';
import { startTrainingCourt } from './training-court';

/** The folder inside the app data folder where the embedded training court keeps its state. */
export const embeddedCourtFolderName = 'training-court';

/** How both hosts start the training court the app files into by default: a free loopback port, state kept between runs. */
export function createEmbeddedTrainingCourtLauncher(appDataFolder: string): TrainingCourtLauncher {
  return { start: () => startTrainingCourt({ dataFolder: path.join(appDataFolder, embeddedCourtFolderName) }) };
}
