import type { ReactNode } from 'react';
import {
  AppstoreOutlined,
  BankOutlined,
  CloudOutlined,
  FileDoneOutlined,
  SafetyCertificateOutlined,
  LikeOutlined,
  NotificationOutlined,
  PhoneOutlined,
  QrcodeOutlined,
  UserAddOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { MessageKey } from '../../shared/i18n/index.ts';

/** A service entry on the 京通 home page. Without `to`, the service is not built yet (即将上线). */
export interface ServiceTile {
  id: string;
  icon: ReactNode;
  title: MessageKey;
  subtitle: MessageKey;
  color: string;
  to?: string;
  /** Show only to visitors who are not signed in (registration). */
  anonymousOnly?: boolean;
}

/** The 京通 service entries, in the order residents look for them. */
export const SERVICE_TILES: ServiceTile[] = [
  { id: 'services', icon: <AppstoreOutlined />, title: 'tong.tile.services', subtitle: 'tong.tile.services.sub', color: '#1f6fd1', to: '/services' },
  { id: 'hotline', icon: <PhoneOutlined />, title: 'tong.tile.hotline', subtitle: 'tong.tile.hotline.sub', color: '#d4380d', to: '/cases' },
  { id: 'halls', icon: <BankOutlined />, title: 'halls.tile', subtitle: 'halls.tile.sub', color: '#0958d9', to: '/halls' },
  { id: 'rating', icon: <LikeOutlined />, title: 'tong.tile.rating', subtitle: 'tong.tile.rating.sub', color: '#d48806', to: '/ratings/stats' },
  { id: 'cityCode', icon: <QrcodeOutlined />, title: 'tong.tile.cityCode', subtitle: 'tong.tile.cityCode.sub', color: '#389e0d' },
  { id: 'air', icon: <CloudOutlined />, title: 'tong.tile.air', subtitle: 'tong.tile.air.sub', color: '#08979c', to: '/air' },
  { id: 'notices', icon: <NotificationOutlined />, title: 'tong.tile.notices', subtitle: 'tong.tile.notices.sub', color: '#531dab' },
  { id: 'applications', icon: <FileDoneOutlined />, title: 'tong.tile.applications', subtitle: 'tong.tile.applications.sub', color: '#0958d9', to: '/applications' },
  { id: 'wallet', icon: <SafetyCertificateOutlined />, title: 'tong.tile.wallet', subtitle: 'tong.tile.wallet.sub', color: '#7c4dff', to: '/wallet' },
  { id: 'account', icon: <UserOutlined />, title: 'tong.tile.account', subtitle: 'tong.tile.account.sub', color: '#1f4e8c', to: '/me' },
  {
    id: 'register',
    icon: <UserAddOutlined />,
    title: 'tong.tile.register',
    subtitle: 'tong.tile.register.sub',
    color: '#c41d7f',
    to: '/register',
    anonymousOnly: true,
  },
];
