import './unlock.css';

// The passphrase page: shown instead of the app where the OS has no keyring to keep the database key (see
// electron/services/database-key.ts). It talks to the main process through the same bridge as the app, window.karte,
// whose only method here is 'unlock'. Japanese unless the system language is another.

const MESSAGES = {
  ja: {
    title: { unlock: 'データベースを開く', create: 'データベースのパスフレーズを決める' },
    intro: {
      unlock:
        'このコンピューターにはデータベースの鍵を安全に保管する仕組み(キーリング)がないため、データベースはパスフレーズで暗号化されています。パスフレーズを入力してください。',
      create:
        'このコンピューターにはデータベースの鍵を安全に保管する仕組み(キーリング)がないため、データベースをパスフレーズで暗号化します。8文字以上のパスフレーズを決めてください。忘れるとデータを開けなくなります。',
    },
    passphrase: 'パスフレーズ',
    confirm: 'パスフレーズ(確認)',
    submit: { unlock: '開く', create: '作成する' },
    working: '確認しています…',
    wrong_passphrase: 'パスフレーズが違います。もう一度入力してください。',
    too_short: 'パスフレーズは8文字以上にしてください。',
    mismatch: '確認用のパスフレーズが一致しません。',
    failed: 'データベースを開けませんでした。',
    newer: 'このデータベースは新しいバージョンのKarteで作られています。Karteを更新してから開いてください。',
    retry: 'もう一度お試しください。続く場合は、表示されたファイルの場所を添えて管理者に連絡してください。',
  },
  en: {
    title: { unlock: 'Open the database', create: 'Choose a passphrase for the database' },
    intro: {
      unlock: 'This computer has no keyring to keep the database key safe, so the database is encrypted with a passphrase. Enter the passphrase.',
      create:
        'This computer has no keyring to keep the database key safe, so the database will be encrypted with a passphrase. Choose one of at least 8 characters. Without it the data cannot be opened.',
    },
    passphrase: 'Passphrase',
    confirm: 'Passphrase (again)',
    submit: { unlock: 'Open', create: 'Create' },
    working: 'Checking…',
    wrong_passphrase: 'Wrong passphrase. Please try again.',
    too_short: 'The passphrase needs at least 8 characters.',
    mismatch: 'The two passphrases differ.',
    failed: 'The database could not be opened. ',
    newer: 'This database was made by a newer version of Karte. Update Karte, then open it.',
    retry: 'Please try again. If it happens again, tell your administrator, with the file shown above.',
  },
} as const;

type UnlockReply = { ok: true } | { ok: false; problem: 'too_short' | 'wrong_passphrase' };
const karte = (window as unknown as { karte: { call(name: string, args: unknown): Promise<unknown> } }).karte;

const params = new URLSearchParams(window.location.search);
const mode = params.get('mode') === 'create' ? 'create' : 'unlock';
const language = navigator.language === '' || navigator.language.toLowerCase().startsWith('ja') ? 'ja' : 'en';
const text = MESSAGES[language];
document.documentElement.lang = language;

function element<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}
const passphrase = element<HTMLInputElement>('passphrase');
const confirmation = element<HTMLInputElement>('confirm');
const message = element('message');
const submit = element<HTMLButtonElement>('submit');

element('title').textContent = text.title[mode];
element('intro').textContent = text.intro[mode];
element('file').textContent = params.get('file') ?? '';
element('passphrase-label').textContent = text.passphrase;
element('confirm-label').textContent = text.confirm;
element('confirm-row').hidden = mode !== 'create';
confirmation.required = mode === 'create';
passphrase.autocomplete = mode === 'create' ? 'new-password' : 'current-password';
submit.textContent = text.submit[mode];

element<HTMLFormElement>('form').addEventListener('submit', (event) => {
  event.preventDefault();
  if (mode === 'create' && passphrase.value !== confirmation.value) {
    message.textContent = text.mismatch;
    confirmation.focus();
    return;
  }
  submit.disabled = true;
  message.textContent = text.working;
  karte
    .call('unlock', { passphrase: passphrase.value })
    .then((outcome) => {
      // The main process answers the call's outcome: its result, or its error as data.
      const answer = outcome as { result: UnlockReply } | { error: { code: string } };
      if ('error' in answer) {
        message.textContent = text.failed + (answer.error.code === 'store_newer' ? text.newer : text.retry);
        return;
      }
      if (answer.result.ok) return;
      message.textContent = text[answer.result.problem];
      passphrase.select();
    })
    .catch(() => {
      message.textContent = text.failed + text.retry;
    })
    .finally(() => {
      submit.disabled = false;
    });
});
