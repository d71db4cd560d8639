import { useI18n } from '../../app/i18n';
import type { MeQuery } from '../../generated/graphql';

interface HomePageProps {
  me: MeQuery['me'];
}

/** Placeholder start page until the tickets board arrives. */
export function HomePage({ me }: HomePageProps) {
  const { t, locale } = useI18n();
  const memberSince = new Date(me.user.createdAt);

  return (
    <div className="home">
      <section className="panel panel--hero">
        <h1>{t('home.welcome', { name: me.user.name })}</h1>
        <p className="placeholder">{t('home.placeholder')}</p>
      </section>

      <div className="home__grid">
        <section className="panel">
          <h2>{t('home.account')}</h2>
          <dl className="facts">
            <dt>{t('home.name')}</dt>
            <dd>{me.user.name}</dd>
            <dt>{t('home.email')}</dt>
            <dd>{me.user.email}</dd>
            <dt>{t('home.tenant')}</dt>
            <dd>
              {me.tenant.name} <span className="muted">({me.tenant.slug})</span>
            </dd>
            <dt>{t('home.role')}</dt>
            <dd>{t(`role.${me.role}`)}</dd>
            <dt>{t('home.memberSince')}</dt>
            <dd>
              {Number.isNaN(memberSince.getTime())
                ? me.user.createdAt
                : memberSince.toLocaleDateString(locale, { year: 'numeric', month: 'long', day: 'numeric' })}
            </dd>
          </dl>
        </section>

        <section className="panel">
          <h2>{t('home.memberships')}</h2>
          <ul className="list">
            {me.memberships.map((membership) => (
              <li key={membership.tenant.id}>
                <span>{membership.tenant.name}</span>
                <span className="list__meta">
                  {t(`role.${membership.role}`)}
                  {membership.tenant.id === me.tenant.id && <span className="badge badge--soft">{t('home.current')}</span>}
                </span>
              </li>
            ))}
          </ul>
        </section>

        <section className="panel">
          <h2>{t('home.tools')}</h2>
          <p>
            <span className="pseudo-link">{t('home.graphiql')}</span>
          </p>
          <p className="muted">{t('home.graphiqlSoon')}</p>
        </section>
      </div>
    </div>
  );
}
