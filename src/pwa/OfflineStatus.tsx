import { useEffect, useSyncExternalStore } from 'react';
import { defineStrings } from '../i18n/defineStrings';
import { useStrings } from '../i18n/useLang';
import {
  getOfflineSnapshot,
  getWrittenOutOfflineSnapshot,
  startOffline,
  subscribeOffline,
  type OfflineSnapshot,
  type OfflineState,
} from './offline';
import './offline.css';

const strings = defineStrings(
  'offlineStatus',
  {
    installing: '오프라인 준비 중…',
    'installing-long': '이 교과서를 이 기기에 저장하고 있습니다. 끝나면 인터넷 없이도 열립니다.',
    ready: '오프라인 사용 가능',
    'ready-long': '교과서 전체(레슨, 글꼴, 말뭉치, WebAssembly)가 이 기기에 저장되어 있습니다.',
    offline: '오프라인: 저장본 사용 중',
    'offline-long': '인터넷 연결이 끊겼습니다. 이 기기에 저장된 교과서로 계속 볼 수 있습니다.',
    updating: '새 버전 받는 중…',
    'updating-long': '새 버전을 내려받고 있습니다. 지금 보는 페이지는 그대로입니다.',
    'update-ready': '새 버전: 다음에 열 때 적용',
    'update-ready-long': '새 버전을 저장했습니다. 다음에 이 교과서를 열면 적용됩니다.',
    error: '오프라인 저장 실패',
    'error-long':
      '오프라인용 저장에 실패했습니다. 인터넷이 연결되어 있으면 평소처럼 쓸 수 있습니다.',
  },
  {
    installing: 'Saving for offline…',
    'installing-long':
      'Saving this textbook on this device. When it is done, it opens without a network.',
    ready: 'Available offline',
    'ready-long':
      'The whole textbook (lessons, fonts, corpora, WebAssembly) is saved on this device.',
    offline: 'Offline: using the saved copy',
    'offline-long': 'The network is down. You can keep reading with the copy saved on this device.',
    updating: 'Updating…',
    'updating-long': 'Downloading a new version. The page you are reading stays as it is.',
    'update-ready': 'Update ready: applies on next load',
    'update-ready-long': 'A new version is saved. It is used the next time you open the textbook.',
    error: 'Offline copy failed',
    'error-long': 'Saving for offline use failed. With a network the textbook works as usual.',
  },
);

type Shown = Exclude<OfflineState, 'unsupported'> | 'offline';

function shownState({ state, online }: OfflineSnapshot): Shown | null {
  if (state === 'unsupported') return null;
  if (!online && state !== 'installing' && state !== 'error') return 'offline';
  return state;
}

const ICON: Record<Shown, string> = {
  installing: '◌',
  ready: '✓',
  offline: '⚡',
  updating: '↻',
  'update-ready': '↻',
  error: '!',
};

/**
 * Registers the service worker and says, in a few words, whether the book works offline.
 * `quiet` (classroom mode) keeps it out of sight but still announced to screen readers.
 */
export function OfflineStatus({ quiet = false }: { quiet?: boolean }) {
  const t = useStrings(strings);
  const snapshot = useSyncExternalStore(
    subscribeOffline,
    getOfflineSnapshot,
    getWrittenOutOfflineSnapshot,
  );
  useEffect(startOffline, []);
  const shown = shownState(snapshot);
  if (shown === null) return null;
  const long = t[`${shown}-long`];
  return (
    <span
      className={quiet ? 'offline-status is-quiet' : 'offline-status'}
      // A polite live region; not role="status", which lessons' own widgets use.
      aria-live="polite"
      aria-atomic="true"
      data-state={shown}
      title={long}
    >
      <span className="offline-status-icon" aria-hidden="true">
        {ICON[shown]}
      </span>
      <span className="offline-status-text">{t[shown]}</span>
    </span>
  );
}
