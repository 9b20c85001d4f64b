import type { Moment, TreeNode } from '../api-types';
import { inLang, personName } from '../format';
import { useLang } from '../i18n';
import { href, timeOf, type Route } from '../route';
import { useRead } from '../use-read';
import { Answered, Shown } from '../view-parts';

function Node({ node, route }: { node: TreeNode; route: Route }) {
  const { lang, t } = useLang();
  return (
    <li>
      <div class="node">
        <a href={href(route, 'organisation', node.id)} class="node-name">
          {inLang(node.name, lang)}
        </a>
        <span class="node-head">
          {t('head')}:{' '}
          {node.head ? (
            <a href={href(route, 'person', node.head.personId)}>{personName(node.head.name)}</a>
          ) : (
            t('noHead')
          )}
        </span>
        <span class="node-count">
          {t('members')}: {node.memberCount}
          {node.totalMemberCount !== undefined && node.totalMemberCount !== node.memberCount
            ? ` (${t('membersWithin')} ${node.totalMemberCount})`
            : ''}
        </span>
      </div>
      {node.children.length > 0 && (
        <ul>
          {node.children.map((child) => (
            <Node key={child.id} node={child} route={route} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The structure on the chosen day, as known at the chosen moment, with heads and member counts. */
export function TreePage({ route }: { route: Route }) {
  const { t } = useLang();
  const read = useRead<Moment & { roots: TreeNode[] }>('/v1/organisations/tree', timeOf(route));
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('structure')}</h1>
      <Shown read={read}>
        {(tree) => (
          <>
            <Answered route={route} knownAt={tree.knownAt} asOf={tree.asOf} />
            {tree.roots.length === 0 ? (
              <p>{t('emptyTree')}</p>
            ) : (
              <ul class="tree">
                {tree.roots.map((root) => (
                  <Node key={root.id} node={root} route={route} />
                ))}
              </ul>
            )}
          </>
        )}
      </Shown>
    </section>
  );
}
