import type { Role } from '@/api/types';

/** One link of a staff area's section bar; `key` is under `common.sections`. */
export interface Section {
  to: string;
  key: string;
  end?: boolean;
}

export interface StaffArea {
  roles: Role[];
  /** The area's entry in the main navigation, under `common.nav`. */
  navKey: string;
  sections: Section[];
}

/**
 * The staff areas: one entry each in the main navigation (for the roles that may use it), and a section
 * bar across the area's pages. A person holding several roles sees several areas.
 */
export const STAFF_AREAS = {
  mentor: {
    roles: ['mentor'],
    navKey: 'mentorArea',
    sections: [
      { to: '/mentor', key: 'today', end: true },
      { to: '/mentor/week', key: 'myWeek' },
      { to: '/mentor/availability', key: 'availability' },
      { to: '/mentor/follow-ups', key: 'followUps' },
      { to: '/mentor/cases', key: 'cases' },
    ],
  },
  speaker: {
    roles: ['speaker'],
    navKey: 'speakerArea',
    sections: [{ to: '/speaker', key: 'mySessions', end: true }],
  },
  admin: {
    roles: ['admin'],
    navKey: 'adminArea',
    sections: [
      { to: '/admin/workshops', key: 'adminWorkshops' },
      { to: '/admin/people', key: 'people' },
      { to: '/admin/regions', key: 'regions' },
      { to: '/admin/notifications', key: 'deliveries' },
      { to: '/admin/reports', key: 'reports' },
    ],
  },
} satisfies Record<string, StaffArea>;

export type AreaName = keyof typeof STAFF_AREAS;
