// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { agreementsOfCase } from '../../electron/services/agreements';
import { openDossier } from '../../electron/services/dossiers';
import { renderApp } from '../support/render-app';
import { useDemoCase } from '../support/demo-case';

// 「協定として登録」 on a case's timeline (issue 14, item 3): an event whose text reads as a signing offers the action,
// a person confirms the kind, level and parties in one step, and the event then shows the badge 「協定」 with its kind.

describe('agreements on the case timeline', () => {
  const demo = useDemoCase();

  const renderCase = async () => {
    renderApp(`/case/${demo.caseId}`);
    await screen.findByRole('heading', { name: '経緯' });
  };
  const eventRow = (text: string) => screen.getByText(text).closest('li')!;

  it('offers 「協定として登録」 on the events whose text reads as an agreement, and on no other', async () => {
    await renderCase();
    expect(within(eventRow('大臣間で改定覚書に署名')).getByRole('button', { name: '協定として登録: 大臣間で改定覚書に署名' })).toBeTruthy();
    expect(within(eventRow('共同作業部会で協力について合意')).getByRole('button', { name: /^協定として登録/ })).toBeTruthy();
    expect(within(eventRow('越・情報通信省から協力要請')).queryByRole('button', { name: /^協定として登録/ })).toBeNull();
    expect(within(eventRow('総務省予算 KPIの可能性を調査')).queryByRole('button', { name: /^協定として登録/ })).toBeNull();
  });

  it('registers the agreement as suggested and corrected, then badges the event with its kind, once', async () => {
    await renderCase();
    await userEvent.click(screen.getByRole('button', { name: '協定として登録: 大臣間で改定覚書に署名' }));
    const form = screen.getByRole('form', { name: '協定として登録: 大臣間で改定覚書に署名' });
    expect((within(form).getByRole('combobox', { name: '種類' }) as HTMLSelectElement).value).toBe('mou');
    expect((within(form).getByRole('textbox', { name: '署名レベル' }) as HTMLInputElement).value).toBe('大臣間');
    const parties = within(form).getByRole('textbox', { name: '当事者（「、」区切り）' }) as HTMLInputElement;
    expect(parties.value).toBe('日本、ベトナム');
    await userEvent.clear(parties);
    await userEvent.type(parties, '総務省、越・情報通信省');
    await userEvent.click(within(form).getByRole('button', { name: '登録' }));

    const row = eventRow('大臣間で改定覚書に署名');
    await within(row).findByText('協定');
    expect(row.querySelector('.event-agreement')!.textContent).toBe('協定 覚書（MoU） · 大臣間');
    expect(within(row).queryByRole('button', { name: /^協定として登録/ })).toBeNull();
    expect(screen.queryByRole('form', { name: /^協定として登録/ })).toBeNull();

    const stored = agreementsOfCase(demo.backEnd.store, demo.caseId);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ title: '大臣間で改定覚書に署名', kind: 'mou', signatoryLevel: '大臣間', parties: ['総務省', '越・情報通信省'], countries: ['VN'] });
    // The dossier's agreement list reads the same register.
    expect(openDossier(demo.backEnd.store, 'VN').agreements.map((a) => a.eventId)).toEqual([stored[0].eventId]);
  });

  it('leaves the event as it was when the person cancels with Escape', async () => {
    await renderCase();
    await userEvent.click(screen.getByRole('button', { name: '協定として登録: 大臣間で協力推進の合意' }));
    const form = screen.getByRole('form', { name: '協定として登録: 大臣間で協力推進の合意' });
    expect((within(form).getByRole('combobox', { name: '種類' }) as HTMLSelectElement).value).toBe('other');
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('form', { name: /^協定として登録/ })).toBeNull();
    expect(agreementsOfCase(demo.backEnd.store, demo.caseId)).toEqual([]);
  });
});
