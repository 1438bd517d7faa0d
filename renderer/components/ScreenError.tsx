import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useRouteError } from 'react-router';

/**
 * A screen that failed to show, in the app's frame and the user's words; what failed goes to the console for
 * whoever investigates, never onto the screen.
 */
export function ScreenError() {
  const { t } = useTranslation();
  const error = useRouteError();
  useEffect(() => console.error(error), [error]);
  return (
    <section className="screen-error" role="alert">
      <h1>{t('screenError.title')}</h1>
      <p>{t('screenError.text')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </section>
  );
}
