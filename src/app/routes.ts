export type Route =
  | { name: 'home' }
  | { name: 'lesson'; slug: string }
  | { name: 'embed'; slug: string; widget: string; id?: string }
  | { name: 'notFound'; path: string };

/**
 * `#/embed/<lesson>/<Widget>[/<id>]?lang=…&<state>` shows one widget of a lesson alone, for
 * slides and LMS iframes; `<id>` picks the instance when a lesson has the widget twice.
 */
const EMBED = /^\/embed\/([a-z0-9-]+)\/([A-Za-z][A-Za-z0-9]*)(?:\/([A-Za-z0-9_-]+))?$/;

export function matchRoute(path: string): Route {
  if (path === '/' || path === '') return { name: 'home' };
  const lesson = /^\/lessons\/([a-z0-9-]+)$/.exec(path);
  if (lesson?.[1]) return { name: 'lesson', slug: lesson[1] };
  const embed = EMBED.exec(path);
  if (embed?.[1] && embed[2]) {
    return embed[3]
      ? { name: 'embed', slug: embed[1], widget: embed[2], id: embed[3] }
      : { name: 'embed', slug: embed[1], widget: embed[2] };
  }
  return { name: 'notFound', path };
}

export function embedPath(slug: string, widget: string, id?: string): string {
  return `/embed/${slug}/${widget}${id ? `/${id}` : ''}`;
}
