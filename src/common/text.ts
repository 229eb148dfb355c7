// Text neither PostgreSQL nor PGlite can store: a null character, or half of a surrogate pair.
// Every string that reaches a query is checked against it (request variables and literals,
// decoded global IDs), so that such text is the caller's mistake, not the database's error.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const unstorable = (text: string): boolean => text.includes(String.fromCharCode(0)) || loneSurrogate.test(text);
