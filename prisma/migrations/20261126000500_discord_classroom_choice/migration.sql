-- AlterTable
ALTER TABLE "DiscordLink" ADD COLUMN "classroomId" TEXT;

