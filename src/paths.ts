import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder, wherever the process was started from. */
export const rootDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const prismaDir = join(rootDir, 'prisma');
/** The bundles of the pages' browser code (scripts/build-pages.mjs) and the server's. */
export const buildDir = join(rootDir, 'build');

/**
 * The packages whose files, not modules, the server reads from node_modules at run time: the
 * bundle cannot hold them, so they are `dependencies`, as the packages the bundle leaves out are
 * (scripts/server-bundle.mjs; tests/main/productionDependencies.test.ts checks both).
 */
export const packagesReadAtRunTime = ['@electric-sql/pglite', '@kern-ux/native', '@prisma/schema-engine-wasm'] as const;
export const packageDir = (name: (typeof packagesReadAtRunTime)[number]): string => join(rootDir, 'node_modules', name);

/** KERN UX (@kern-ux/native), the administration's design system: its stylesheet and fonts, served from our package. */
export const kernDir = join(packageDir('@kern-ux/native'), 'dist');
