// `!hint` and `/hint`: what the cluster says is missing, then the step's hints one at a time.
import { hintReply } from '../course/lesson-replies';
import { courseCommands } from './course-command';

const hint = courseCommands('hint', hintReply);
export const hintCommand = hint.prefix;
export const hintSlashCommand = hint.slash;
