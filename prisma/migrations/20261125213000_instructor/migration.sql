-- CreateTable
CREATE TABLE "Assignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "classroomId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "items" JSONB NOT NULL,
    "deadline" DATETIME NOT NULL,
    "feedback" TEXT NOT NULL DEFAULT 'expected',
    "examMinutes" INTEGER,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "gradedAt" DATETIME,
    CONSTRAINT "Assignment_classroomId_fkey" FOREIGN KEY ("classroomId") REFERENCES "Classroom" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CustomTask" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "classroomId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" JSONB NOT NULL,
    "checks" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CustomTask_classroomId_fkey" FOREIGN KEY ("classroomId") REFERENCES "Classroom" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Grade" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "assignmentId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "asOf" DATETIME NOT NULL,
    "score" REAL NOT NULL,
    "max" REAL NOT NULL,
    "items" JSONB NOT NULL,
    "evidence" JSONB NOT NULL,
    "at" DATETIME NOT NULL,
    "overrideScore" REAL,
    "overrideComment" TEXT,
    "overrideById" TEXT,
    "overrideAt" DATETIME,
    CONSTRAINT "Grade_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Grade_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExamAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "assignmentId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    CONSTRAINT "ExamAttempt_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ExamAttempt_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Drill" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "classroomId" TEXT NOT NULL,
    "membershipId" TEXT,
    "kind" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "clusterIds" JSONB NOT NULL,
    "startedById" TEXT,
    "startedAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    CONSTRAINT "Drill_classroomId_fkey" FOREIGN KEY ("classroomId") REFERENCES "Classroom" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Assignment_classroomId_idx" ON "Assignment"("classroomId");

-- CreateIndex
CREATE INDEX "Assignment_gradedAt_deadline_idx" ON "Assignment"("gradedAt", "deadline");

-- CreateIndex
CREATE INDEX "CustomTask_classroomId_idx" ON "CustomTask"("classroomId");

-- CreateIndex
CREATE INDEX "Grade_membershipId_idx" ON "Grade"("membershipId");

-- CreateIndex
CREATE UNIQUE INDEX "Grade_assignmentId_membershipId_key" ON "Grade"("assignmentId", "membershipId");

-- CreateIndex
CREATE INDEX "ExamAttempt_endsAt_idx" ON "ExamAttempt"("endsAt");

-- CreateIndex
CREATE UNIQUE INDEX "ExamAttempt_assignmentId_membershipId_key" ON "ExamAttempt"("assignmentId", "membershipId");

-- CreateIndex
CREATE INDEX "Drill_classroomId_idx" ON "Drill"("classroomId");

