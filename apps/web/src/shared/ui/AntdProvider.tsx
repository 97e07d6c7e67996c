import type { ReactNode } from 'react';
import { App, ConfigProvider, type ThemeConfig } from 'antd';
import zh_CN from 'antd/locale/zh_CN';
import en_US from 'antd/locale/en_US';
import { useI18n } from '../i18n/index.ts';

/** Jing's brand colour: the deep blue of the city's government sites. */
export const BRAND_COLOR = '#1f4e8c';

const baseTheme: ThemeConfig = { token: { colorPrimary: BRAND_COLOR, borderRadius: 6 } };

/**
 * Ant Design in the current language (component texts such as pagination and
 * empty states follow the i18n switch), with Jing's theme. Portals nest their own
 * provider to change the theme (Zhi is dark).
 */
export function AntdProvider({ children, theme }: { children: ReactNode; theme?: ThemeConfig }) {
  const { locale } = useI18n();
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zh_CN : en_US} theme={theme ?? baseTheme}>
      <App>{children}</App>
    </ConfigProvider>
  );
}
