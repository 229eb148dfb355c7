// A request that may not do what it asks: without a token, or with one that does not reach the
// district. GraphQL errors with their code wherever they are thrown (a field of a query); a
// mutation answers them as typed results of its union (src/writes/errorTypes.ts).
import { GraphQLError } from 'graphql';

export class NotAuthenticatedError extends GraphQLError {
  constructor() {
    super('This needs an API token (Authorization: Bearer …).', { extensions: { code: 'UNAUTHENTICATED' } });
  }
}

export class NotAllowedError extends GraphQLError {
  constructor(tokenName: string) {
    super(`Not allowed for the token "${tokenName}": editors change only their own districts' data.`, {
      extensions: { code: 'FORBIDDEN', http: { status: 403 } },
    });
  }
}
