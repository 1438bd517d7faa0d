import { create } from 'zustand';

// Short messages for the user (saved, undone, failed), shown in one place and dismissed by time or by hand.

export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

interface NoticeState {
  notices: Notice[];
  show: (kind: Notice['kind'], text: string) => void;
  dismiss: (id: number) => void;
}

let nextId = 1;

export const useNotices = create<NoticeState>((set, get) => ({
  notices: [],
  show: (kind, text) => {
    const id = nextId++;
    set({ notices: [...get().notices.slice(-3), { id, kind, text }] });
    if (kind === 'info') setTimeout(() => get().dismiss(id), 4000);
  },
  dismiss: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
}));
