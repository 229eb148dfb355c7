// The seed districts, transcribed fact by fact from the five source pages in shared/seeds.
import { merge } from './helpers.js';
import { kyffhaeuserkreis } from './kyffhaeuserkreis.js';
import { mittelsachsen } from './mittelsachsen.js';
import { reference } from './reference.js';
import { schmalkaldenMeiningen } from './schmalkalden-meiningen.js';
import { wartburgkreis } from './wartburgkreis.js';

export const seedData = merge(reference, kyffhaeuserkreis, wartburgkreis, schmalkaldenMeiningen, mittelsachsen);
export type { SeedData } from './types.js';
