import { afterEach, beforeEach } from 'vitest';
import { listCases } from '../../electron/services/cases';
import { installBackEnd, type TestBackEnd } from './karte-bridge';

/**
 * For each test, the demo dossiers behind window.karte, and Vietnam's smart-city case (スマートシティ): one with a
 * summary, a future policy and events in several phases.
 */
export function useDemoCase(): { readonly backEnd: TestBackEnd; readonly caseId: string } {
  let backEnd: TestBackEnd | undefined;
  let caseId = '';
  beforeEach(() => {
    backEnd = installBackEnd({ demo: true });
    caseId = listCases(backEnd.store, { country: 'VN' }).find((c) => c.sectorLabel === 'スマートシティ')!.id;
  });
  afterEach(() => backEnd?.close());
  return {
    get backEnd() {
      if (!backEnd) throw new Error('the demo back end exists only inside a test');
      return backEnd;
    },
    get caseId() {
      return caseId;
    },
  };
}
