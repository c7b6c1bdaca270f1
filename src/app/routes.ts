export type Route =
  { name: 'home' } | { name: 'lesson'; slug: string } | { name: 'notFound'; path: string };

export function matchRoute(path: string): Route {
  if (path === '/' || path === '') return { name: 'home' };
  const lesson = /^\/lessons\/([a-z0-9-]+)$/.exec(path);
  if (lesson?.[1]) return { name: 'lesson', slug: lesson[1] };
  return { name: 'notFound', path };
}
