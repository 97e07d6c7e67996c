import { useState } from 'react';
import { App, Select } from 'antd';
import { useT } from '../../../shared/i18n/index.ts';
import { errorText } from '../../../shared/api/errors.ts';
import { actAs, stopActing } from '../api.ts';
import { useSession } from '../session.tsx';

const SELF = '__self__';

/**
 * 代理 switch: act as oneself or for a principal the account may act for
 * (a business the person represents). The server records both identities on
 * everything done while acting.
 */
export function ActAsSwitch() {
  const t = useT();
  const { message } = App.useApp();
  const { me, update } = useSession();
  const [busy, setBusy] = useState(false);
  if (!me) return null;

  async function change(value: string) {
    setBusy(true);
    try {
      update(value === SELF ? await stopActing() : await actAs(value));
      message.success(t('account.actAsChanged'));
    } catch (err) {
      message.error(errorText(t, err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Select
      data-testid="act-as-switch"
      style={{ width: '100%' }}
      value={me.actingFor?.id ?? SELF}
      loading={busy}
      disabled={busy}
      onChange={(value: string) => void change(value)}
      aria-label={t('account.actAs')}
      options={[
        { value: SELF, label: t('account.actAsSelf', { name: me.displayName }) },
        ...me.canActFor.map((p) => ({ value: p.id, label: `${p.displayName} · ${t(`account.kind.${p.kind}` as const)}` })),
      ]}
    />
  );
}
