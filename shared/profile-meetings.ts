import { compareDates } from './dates';
import type { Profile } from './model/profile';
import type { StageEvent } from './model/stage-event';
import type { Visit } from './model/visit';
import type { ProfileMeeting } from './pack/pack-input';
import { foldText } from './search-text';

// A counterpart's previous meetings with Japan: the visits linked to the profile, the visits whose list of people
// met names them, and the timeline events whose text names them. Names are compared folded (NFKC, lower case), so
// full-width and half-width spellings match; a name shorter than two characters matches nothing.

function namesOf(profile: Profile): string[] {
  return [profile.name, profile.nameJa].map((n) => foldText(n.trim())).filter((n) => n.length >= 2);
}

/** The visits and events where `profile` met Japan, by date (undated last), a visit before an event on the same date. */
export function profileMeetings(profile: Profile, visits: readonly Visit[], events: readonly { event: StageEvent; caseTitle: string }[]): ProfileMeeting[] {
  const names = namesOf(profile);
  const named = (text: string) => {
    const folded = foldText(text);
    return names.some((n) => folded.includes(n));
  };
  const linked = new Set(profile.visitIds);
  const met: ProfileMeeting[] = [
    ...visits.filter((v) => linked.has(v.id) || v.counterparts.some((c) => named(c.name))).map((visit) => ({ kind: 'visit' as const, date: visit.dates, visit })),
    ...events.filter(({ event }) => named(event.text)).map(({ event, caseTitle }) => ({ kind: 'event' as const, date: event.date, event, caseTitle })),
  ];
  return met.sort((a, b) => compareDates(a.date, b.date));
}
