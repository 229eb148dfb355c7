// Advisory lock keys and notification channels, in one place so that no two uses collide.

/**
 * The district data ("IGSEED" in ASCII): package imports and seeding hold it exclusively and
 * take turns; edits share it.
 */
export const dataLockKey = 0x494753454544n;

/** The change feed ("IGFEED"): writers take it last, just before commit, so that feed positions commit in order. */
export const feedLockKey = 0x494746454544n;

/** The channel of PostgreSQL's NOTIFY that tells every instance the feed has grown (sent on commit). */
export const feedChannel = 'integrationsgraph_feed';
