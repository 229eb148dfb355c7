import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder, wherever the process was started from. */
export const rootDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const prismaDir = join(rootDir, 'prisma');
