// The shape of the bot's dictionary: one object per language (es.ts, en.ts), each a complete
// BotStrings, so a string missing in one language is a type error.
import type { ConditionResult } from '../course-types';

/** One failed or passed condition of a check, as the course API reports it. */
export type CheckLine = ConditionResult;

/** What a notification says about the object involved (the server sends the facts). */
export interface NoticeFacts {
  namespace?: string;
  name: string;
  container?: string;
  restarts?: number;
  replicas?: number;
}

export interface BotStrings {
  notLinked(dashboardUrl: string): string;
  serverDown: string;
  tooFast: string;
  noCluster: string;
  linked(username: string): string;
  badLinkCode: string;
  linkUsage: string;
  missingYaml: string;
  manifestTooLarge(max: number): string;
  fileTooLarge(file: string, size: number, max: number): string;
  fileUnreadable(file: string, status?: number): string;
  emptyCommand(name: string): string;
  capped: string;
  noOutput: string;
  outputAttached(chars: number, lines: number, file: string): string;
  resetAsk: string;
  resetConfirm: string;
  resetCancel: string;
  resetDone: string;
  resetCancelled: string;
  notYourButton: string;
  failed(message: string): string;
  classroomList: string;
  classroomCurrent: string;
  classroomChoose: string;
  classroomNone(want: string): string;
  classroomChosen(name: string): string;
  /** After `!classroom N`, where this server or channel is attached to another of the classrooms. */
  classroomHereWins(name: string): string;
  /** Several classrooms could be meant here: `lines` are `N. name`, numbered as `!classroom N` counts. */
  classroomAsk(lines: readonly string[]): string;
  helpTitle: string;
  helpSlash: string;
  /** `!help` lines, by command name. */
  describe: Record<string, string>;
  /** Slash command and option (`command.option`) descriptions in Discord's picker (registered in both languages). */
  slash: Record<string, string>;
  lesson: LessonStrings;
  notify: NotifyStrings;
  builder: BuilderStrings;
  teach: InstructorStrings;
}

export interface LessonStrings {
  none: string;
  noSuchLesson(want: string): string;
  lessonUsage: string;
  lessonsTitle: string;
  lessonLine(n: number, title: string, status: string): string;
  stepHeader(lesson: string, n: number, total: number, title: string): string;
  stepFooter: string;
  stepAttached(file: string): string;
  firstStep: string;
  lastStep: string;
  noSuchStep(n: number, total: number): string;
  locked(n: number): string;
  checkPassed(score: string): string;
  checkFailed(score: string): string;
  checkHint(hint: string): string;
  nextStep(title: string): string;
  lessonDone: string;
  noHints: string;
  hintHeader(n: number, total: number): string;
  progressTitle(who: string): string;
  progressLine(title: string, done: number, total: number, status: string): string;
  status: Record<string, string>;
  progressNone: string;
  condition(line: CheckLine): string;
}

export interface InstructorStrings {
  onlyInstructors: string;
  noSuchClass(n: string): string;
  /** Several taught classrooms could be meant here: `lines` are `N. name`, as `!class N` counts. */
  classAsk(lines: readonly string[]): string;
  classTitle(name: string, students: number): string;
  studentLine(name: string, passed: number, where: string, online: string[]): string;
  hardest(step: string, failing: number, condition: string): string;
  noStudents: string;
  noSuchStudent(who: string): string;
  studentTitle(name: string, classroom: string): string;
  lessonLine(title: string, passed: number, total: number, current: string): string;
  minutes(n: number): string;
  drillUsage: string;
  drillStarted(what: string, who: string, applied: number): string;
  drillDone(what: string): string;
  drillEnded(what: string): string;
  drillList: string;
  drillLine(n: number, what: string, who: string, ongoing: boolean): string;
  noDrills: string;
  noSuchDrill(want: string): string;
  wholeClass: string;
}

export interface NotifyStrings {
  usage: string;
  on: string;
  off: string;
  isOn: string;
  isOff: string;
  crashLoop(f: NoticeFacts): string;
  rolloutDone(f: NoticeFacts): string;
  nodeNotReady(f: NoticeFacts): string;
  nodeReady(f: NoticeFacts): string;
}

export interface BuilderStrings {
  title: string;
  pickVerb: string;
  pickResource: string;
  pickName(resource: string): string;
  noNames(resource: string): string;
  allNames: string;
  page(n: number, total: number): string;
  previous: string;
  next: string;
  run: string;
  cancel: string;
  cancelled: string;
  command(line: string): string;
  ran(line: string): string;
  expired: string;
  verbs: Record<string, string>;
}
