/** What every resolver gets besides its arguments. The database is imported, not carried here. */
export interface Context {
  /** The moment the request is answered at; "current" data means valid at this moment. */
  now: Date;
}

export function createContext(): Context {
  return { now: new Date() };
}
