-- AlterTable
ALTER TABLE "ShellSession" ADD COLUMN "shell" JSONB;

