// The keys under which the official list of districts and municipalities is stored.

/** The Source row of the list (BKG Verwaltungsgebiete). */
export const referenceSourceId = 'reference:bkg-verwaltungsgebiete';
/** How the applied release of the list is recorded among the seed releases. */
export const referenceReleaseId = 'reference/regions-sn-th.json';
