// Advisory lock keys, in one place so that no two uses collide.

/**
 * The district data ("IGSEED" in ASCII): package imports and seeding hold it exclusively and
 * take turns; edits share it.
 */
export const dataLockKey = 0x494753454544n;

/** The change feed ("IGFEED"): writers take it last, just before commit, so that feed positions commit in order. */
export const feedLockKey = 0x494746454544n;
