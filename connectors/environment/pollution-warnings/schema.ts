import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from '../../schemaTypes';
import { cityDivisionCode } from '../common/sourceFields';

/** A local date-time field of a notice; each names its own example. */
function localTime(example: string) {
  return Type.String({ format: 'date-cn', description: `A local date-time such as ${example}` });
}

/** One heavy-pollution warning notice of a city's emergency office. */
export const pollutionWarningRecordSchema = Type.Object(
  {
    noticeNo: Type.String({ minLength: 4, description: "The notice's number (文号), such as 石重污染应急办〔2026〕3号" }),
    title: Type.Optional(Type.String()),
    cityCode: cityDivisionCode,
    cityName: Type.String({ minLength: 2 }),
    issuer: Type.Optional(Type.String()),
    noticeType: StringEnum(['发布', '调整', '解除'], { description: 'One of 发布, 调整, 解除' }),
    warningLevel: Type.String({ pattern: '^(蓝色|黄色|橙色|红色)(预警)?$', description: 'A warning colour: 蓝色, 黄色, 橙色 or 红色' }),
    responseLevel: Type.Optional(Type.String()),
    publishTime: localTime('2026-11-03 17:00:00'),
    startTime: Type.Optional(localTime('2026-11-04 00:00:00')),
    expectedEndTime: Type.Optional(localTime('2026-11-06 00:00:00')),
    liftTime: Type.Optional(localTime('2026-11-06 00:00:00')),
    relatedNoticeNo: Type.Optional(Type.String()),
    measures: Type.Optional(Type.Array(Type.String())),
    content: Type.Optional(Type.String()),
  },
  {
    $comment:
      'One heavy-pollution warning notice (重污染天气预警通知) of a city\'s emergency office: issuing (发布), adjusting (调整) or lifting (解除) a warning. Adjust and lift notices name the notice that issued the warning (relatedNoticeNo). Times are local without an offset.',
    // A lifting notice says when the warning ended; issuing and adjusting notices when it starts.
    if: { properties: { noticeType: { const: '解除' } }, required: ['noticeType'] },
    then: { required: ['liftTime'] },
    else: { required: ['startTime'] },
  },
);

export type PollutionWarningRecord = Static<typeof pollutionWarningRecordSchema>;
