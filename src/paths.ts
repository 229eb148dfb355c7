import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder, wherever the process was started from. */
export const rootDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const prismaDir = join(rootDir, 'prisma');
/** The bundles of the pages' browser code (scripts/build-pages.mjs) and the server's. */
export const buildDir = join(rootDir, 'build');
/** KERN UX (@kern-ux/native), the administration's design system: its stylesheet and fonts, served from our package. */
export const kernDir = join(rootDir, 'node_modules', '@kern-ux', 'native', 'dist');
