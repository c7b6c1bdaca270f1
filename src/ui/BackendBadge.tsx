import { useState, useSyncExternalStore } from 'react';
import { useBrowserOnly } from './useBrowserOnly';
import {
  chooseBackend,
  type BackendChoice,
  type BackendName,
  type BackendReason,
} from '../core/backendChoice';
import { backendStatus, onBackendChange } from '../core/runtime/status';
import { defineStrings } from '../i18n/defineStrings';
import { useStrings } from '../i18n/useLang';
import { getBackendOverride, setBackendOverride } from './backendPreference';
import { probeGraphics } from './probeGraphics';

const strings = defineStrings(
  'backendBadge',
  {
    label: '계산 장치',
    webgl: 'WebGL (GPU)',
    wasm: 'WebAssembly (CPU)',
    cpu: 'JavaScript (CPU)',
    'hardware-webgl': '그래픽 카드(GPU)가 있어 WebGL로 계산합니다.',
    'software-webgl': 'WebGL이 소프트웨어로만 돌아가서(GPU 없음) 더 빠른 WebAssembly로 계산합니다.',
    'no-webgl': '이 브라우저에는 WebGL2가 없어 WebAssembly로 계산합니다.',
    'no-wasm': 'WebGL과 WebAssembly를 쓸 수 없어 순수 JavaScript로 계산합니다(느림).',
    'user-choice': '직접 고른 계산 장치입니다.',
    renderer: '그래픽 렌더러: {renderer}',
    pick: '직접 고르기',
    auto: '자동 (추천)',
    idle: '이 페이지는 아직 텐서 계산을 하지 않았습니다.',
    fellBack: '{planned}에 문제가 생겨 {backend}로 바꿨습니다.',
    tensors: '지금 메모리에 있는 텐서: {count}개',
  },
  {
    label: 'Compute',
    webgl: 'WebGL (GPU)',
    wasm: 'WebAssembly (CPU)',
    cpu: 'JavaScript (CPU)',
    'hardware-webgl': 'A graphics card (GPU) is present, so tensors run on WebGL.',
    'software-webgl':
      'WebGL runs in software only (no GPU), so tensors run on the faster WebAssembly backend.',
    'no-webgl': 'This browser has no WebGL2, so tensors run on WebAssembly.',
    'no-wasm':
      'Neither WebGL nor WebAssembly is available, so tensors run in plain JavaScript (slow).',
    'user-choice': 'You picked this backend.',
    renderer: 'Graphics renderer: {renderer}',
    pick: 'Choose yourself',
    auto: 'Automatic (recommended)',
    idle: 'This page has not run any tensor work yet.',
    fellBack: '{planned} ran into a problem, so tensors now run on {backend}.',
    tensors: 'Tensors in memory now: {count}',
  },
);

/**
 * Which tfjs backend the core will use here, and why; once a lesson has started tfjs (the
 * runtime publishes to src/core/runtime/status, which loads no tfjs), the backend that really
 * runs and the live tensor count.
 */
export function BackendBadge() {
  const t = useStrings(strings);
  const [override, setOverride] = useState<BackendName | null>(getBackendOverride);
  const inBrowser = useBrowserOnly();
  const probe = inBrowser ? probeGraphics() : null;
  const choice: { choice: BackendChoice; renderer: string | null } | null = probe && {
    choice: chooseBackend(probe, override),
    renderer: probe.renderer,
  };
  const live = useSyncExternalStore(onBackendChange, backendStatus, backendStatus);
  if (!inBrowser) {
    // Written-out pages cannot know the machine; the badge's room is kept (with the label
    // most machines without a GPU get) so the header does not move when it appears.
    return (
      <span className="backend-badge is-pending" aria-hidden="true">
        <span className="backend-badge-summary">
          <span className="muted">{t.label}</span> {t.wasm}
        </span>
      </span>
    );
  }
  if (!choice) return null;
  const reason: BackendReason = live.reason ?? choice.choice.reason;
  const backend = live.backend ?? choice.choice.backend;
  return (
    <details className="backend-badge" data-testid="backend-badge" data-backend={backend}>
      <summary>
        <span className="muted">{t.label}</span> {t[backend]}
      </summary>
      <div className="popover">
        <p>{t[reason]}</p>
        {choice.renderer && (
          <p className="muted">{t.renderer.replace('{renderer}', choice.renderer)}</p>
        )}
        {live.fellBackFrom && (
          <p>
            {t.fellBack.replace('{planned}', t[live.fellBackFrom]).replace('{backend}', t[backend])}
          </p>
        )}
        <p className="muted">
          {live.memory ? t.tensors.replace('{count}', String(live.memory.numTensors)) : t.idle}
        </p>
        <BackendPicker
          label={t.pick}
          auto={t.auto}
          names={t}
          value={override}
          onChange={(next) => {
            setOverride(next);
            void setBackendOverride(next);
          }}
        />
      </div>
    </details>
  );
}

function BackendPicker({
  label,
  auto,
  names,
  value,
  onChange,
}: {
  label: string;
  auto: string;
  names: Record<BackendName, string>;
  value: BackendName | null;
  onChange: (next: BackendName | null) => void;
}) {
  return (
    <label className="backend-picker">
      {label}{' '}
      <select
        value={value ?? 'auto'}
        onChange={(e) => {
          const next = e.target.value;
          onChange(next === 'webgl' || next === 'wasm' || next === 'cpu' ? next : null);
        }}
      >
        <option value="auto">{auto}</option>
        {(['webgl', 'wasm', 'cpu'] as const).map((name) => (
          <option key={name} value={name}>
            {names[name]}
          </option>
        ))}
      </select>
    </label>
  );
}
