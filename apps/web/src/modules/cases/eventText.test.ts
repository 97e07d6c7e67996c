import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { translate, type MessageKey, type MessageVars } from '../../shared/i18n/index.ts';
import { eventText } from './eventText.ts';

const t = (key: MessageKey, vars?: MessageVars) => translate('zh-CN', key, vars);

describe('case timeline texts', () => {
  it('keeps what staff typed and translates what the server writes in codes', () => {
    assert.equal(eventText(t, 'note', '现场核查：已停工'), '现场核查：已停工');
    assert.equal(eventText(t, 'contact', 'phone: 已电话联系'), '电话：已电话联系');
    assert.equal(eventText(t, 'checkin', 'on time：已到场'), '按时报到：已到场');
    assert.equal(eventText(t, 'checkin', 'late'), '逾时报到');
    assert.equal(eventText(t, 'extension_decision', 'approved'), '同意延期');
    assert.equal(eventText(t, 'rate', 'very_satisfied / resolved：谢谢'), '非常满意 · 已解决：谢谢');
    assert.equal(eventText(t, 'reopen', 'dissatisfied / not resolved'), '不满意 · 未解决');
    assert.equal(eventText(t, 'score', '5'), '评分 5 分');
    assert.equal(eventText(t, 'dispatch', 'possible duplicate'), '可能与已有诉求重复');
  });

  it('leaves a text it does not recognise as it is', () => {
    assert.equal(eventText(t, 'rate', 'something new'), 'something new');
    assert.equal(eventText(t, 'dispatch', null), null);
  });
});
