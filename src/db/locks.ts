// Advisory lock keys, in one place so that no two uses collide.

/**
 * The district data ("IGSEED" in ASCII): package imports and seeding hold it exclusively and
 * take turns; edits share it.
 */
export const dataLockKey = 0x494753454544n;
