// `!check` and `/check`: the current step against the student's cluster now.
import { checkReply } from '../course/lesson-replies';
import { courseCommands } from './course-command';

const check = courseCommands('check', checkReply);
export const checkCommand = check.prefix;
export const checkSlashCommand = check.slash;
