CREATE SEQUENCE "public"."search_build_ids" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "search_builds" (
	"id" integer PRIMARY KEY NOT NULL,
	"schema" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"manifest" jsonb NOT NULL,
	"params" jsonb NOT NULL
);
