// The starting point of a hall that has no definition yet (an empty machine importing its first
// workbook): the hall's facts come from the workbook's 大厅 sheet, the policies are the usual ones
// (rating 30 s, 15 working days to rectify a 差评, 2 recalls before 过号) until the admin changes them.
import { BAD_REVIEW_REASON_IDS, type HallDefinition } from '@hallkit/core';

export function newHallDefinition(): HallDefinition {
  return {
    v: 2,
    version: 0,
    catalog: {
      v: 1,
      hall: { id: 'hall', name: '政务服务中心', timeZone: 'Asia/Shanghai' },
      zones: [],
      categories: [],
      items: [],
    },
    windows: [],
    noShow: { recallsBeforeNoShow: 2, lateArrival: { allowed: true, withinMinutes: 30, placement: 'end' } },
    evaluation: {
      ratingSeconds: 30,
      laterRatingDays: 7,
      followUpWorkingDays: 15,
      reasons: [...BAD_REVIEW_REASON_IDS],
    },
    numbering: { blockSize: 50 },
    calendar: { holidays: [], workingWeekends: [] },
  };
}
