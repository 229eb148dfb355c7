// Loaders that batch within one request: the first use in a request creates the loader, later
// uses in the same request share it, and it is forgotten with the request.
import DataLoader from 'dataloader';

const perRequest = new WeakMap<object, Map<unknown, DataLoader<unknown, unknown>>>();

/** The request's loader for `batch` (identified by the function itself). */
export function requestLoader<K, V>(context: object, batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
  const loaders = perRequest.get(context) ?? new Map<unknown, DataLoader<unknown, unknown>>();
  perRequest.set(context, loaders);
  let loader = loaders.get(batch) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader(batch);
    loaders.set(batch, loader as DataLoader<unknown, unknown>);
  }
  return loader;
}
