import { Button } from 'antd';
import { TranslationOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/index.ts';

/**
 * Toggles between 中文 and English. It names the language it switches *to*,
 * in that language, so someone who cannot read the current one still finds it.
 */
export function LanguageSwitch({ ghost = false }: { ghost?: boolean }) {
  const { locale, setLocale, t } = useI18n();
  const next = locale === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <Button
      data-testid="lang-switch"
      size="small"
      ghost={ghost}
      icon={<TranslationOutlined />}
      lang={next}
      aria-label={t('lang.switchLabel')}
      onClick={() => setLocale(next)}
    >
      {t('lang.switchTo')}
    </Button>
  );
}
