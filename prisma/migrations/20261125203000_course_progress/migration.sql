-- AlterTable
ALTER TABLE "LessonProgress" ADD COLUMN "quizAnswers" JSONB;
ALTER TABLE "LessonProgress" ADD COLUMN "quizScore" REAL;
ALTER TABLE "LessonProgress" ADD COLUMN "stepStartedAt" DATETIME;
ALTER TABLE "LessonProgress" ADD COLUMN "startVersion" INTEGER;
ALTER TABLE "LessonProgress" ADD COLUMN "passedSteps" JSONB;

-- CreateTable
CREATE TABLE "Transition" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "clusterId" TEXT NOT NULL,
    "clusterVersion" INTEGER NOT NULL,
    "at" DATETIME NOT NULL,
    "kind" TEXT NOT NULL,
    "resource" TEXT NOT NULL,
    "namespace" TEXT,
    "name" TEXT NOT NULL,
    "phase" TEXT,
    "ownerKind" TEXT,
    "ownerName" TEXT,
    "terminating" BOOLEAN NOT NULL DEFAULT false,
    "lineage" INTEGER NOT NULL DEFAULT 0,
    "resourceVersion" INTEGER NOT NULL,
    CONSTRAINT "Transition_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CheckResult" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "membershipId" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "lessonId" TEXT NOT NULL,
    "checkId" TEXT NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "score" REAL NOT NULL DEFAULT 0,
    "detail" JSONB,
    "clusterVersion" INTEGER NOT NULL,
    "at" DATETIME NOT NULL,
    CONSTRAINT "CheckResult_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CheckResult_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_CheckResult" ("at", "checkId", "clusterId", "clusterVersion", "detail", "id", "lessonId", "membershipId", "passed") SELECT "at", "checkId", "clusterId", "clusterVersion", "detail", "id", "lessonId", "membershipId", "passed" FROM "CheckResult";
DROP TABLE "CheckResult";
ALTER TABLE "new_CheckResult" RENAME TO "CheckResult";
CREATE INDEX "CheckResult_membershipId_lessonId_idx" ON "CheckResult"("membershipId", "lessonId");
CREATE INDEX "CheckResult_clusterId_idx" ON "CheckResult"("clusterId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Transition_clusterId_at_idx" ON "Transition"("clusterId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Transition_clusterId_lineage_resourceVersion_key" ON "Transition"("clusterId", "lineage", "resourceVersion");
