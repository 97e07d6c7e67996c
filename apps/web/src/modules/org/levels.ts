import type { MessageKey } from '../../shared/i18n/index.ts';
import type { OrgLevel } from './api.ts';

/** The message key naming each level of the org tree (区县, 街道/乡镇, 社区/村…). */
export const LEVEL_KEYS: Record<OrgLevel, MessageKey> = {
  municipality: 'org.level.municipality',
  province: 'org.level.province',
  prefecture: 'org.level.prefecture',
  district: 'org.level.district',
  street: 'org.level.street',
  community: 'org.level.community',
  agency: 'org.level.agency',
};

/** Tag colours, so levels can be told apart at a glance in lists. */
export const LEVEL_COLORS: Record<OrgLevel, string> = {
  municipality: 'red',
  province: 'volcano',
  prefecture: 'orange',
  district: 'blue',
  street: 'cyan',
  community: 'green',
  agency: 'purple',
};
