import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** An address the app has no screen for (an old bookmark, a mistyped link): said in the app's frame, with a way on. */
export function NotFoundScreen() {
  const { t } = useTranslation();
  return (
    <section className="not-found">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </section>
  );
}
