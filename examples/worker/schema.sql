-- A run queue for speckit's run templates (generate_spec_kit, validate_spec_kit) in PostgreSQL 13 or newer.
-- Workers claim runs for their lanes, send heartbeats, append the step's events, store its artifacts and complete
-- the run. Every write a worker makes names the attempt it holds: once a run is reclaimed (its worker stopped
-- heartbeating), the old worker's writes change nothing.

CREATE TABLE runs (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    template         text NOT NULL CHECK (template IN ('generate_spec_kit', 'validate_spec_kit')),
    params           jsonb NOT NULL,
    lane             text NOT NULL DEFAULT 'default',
    status           text NOT NULL DEFAULT 'queued'
                     CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    worker           text,
    attempt          integer NOT NULL DEFAULT 0,   -- 1 for the first claim, 2 after a reclaim, …
    cancel_requested boolean NOT NULL DEFAULT false,
    exit_code        integer,
    error            text,
    heartbeat_at     timestamptz,
    lease_until      timestamptz,                  -- the holder's own deadline: no heartbeat by then, and it is stale
    created_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    started_at       timestamptz,
    finished_at      timestamptz
);
CREATE INDEX runs_claimable ON runs (lane, created_at) WHERE status IN ('queued', 'running');

-- Every JSON Lines event of an attempt, in the step's own order (`seq` counts 1, 2, 3… without gaps).
CREATE TABLE run_events (
    run_id  uuid NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    attempt integer NOT NULL,
    seq     integer NOT NULL,
    type    text NOT NULL,
    body    jsonb NOT NULL,
    PRIMARY KEY (run_id, attempt, seq)
);

-- Each artifact as its `artifact` event described it; the bytes are kept here (content) or elsewhere (location).
CREATE TABLE artifacts (
    run_id     uuid NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    attempt    integer NOT NULL,
    name       text NOT NULL,
    path       text NOT NULL,
    media_type text NOT NULL,
    bytes      bigint NOT NULL,
    sha256     text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    content    bytea,
    location   text,
    CHECK (content IS NOT NULL OR location IS NOT NULL),
    PRIMARY KEY (run_id, attempt, name)
);

CREATE FUNCTION enqueue_run(p_template text, p_params jsonb, p_lane text DEFAULT 'default') RETURNS uuid
LANGUAGE sql AS $$
    INSERT INTO runs (template, params, lane) VALUES (p_template, p_params, p_lane) RETURNING id
$$;

-- Up to p_limit runs of p_lanes for p_worker, oldest first: queued runs, and running runs whose lease ran out
-- (their worker stopped heartbeating: reclaimed as attempt + 1). The claimer holds each for p_lease, renewed by
-- every heartbeat. Runs other workers are claiming are skipped, never waited for. A stale run whose cancellation
-- was asked is marked cancelled instead of being run again, and one whose worker stopped p_max_attempts times is
-- failed rather than handed to the next worker to stop.
CREATE FUNCTION claim_runs(p_worker text, p_lanes text[], p_limit integer, p_lease interval DEFAULT '30 seconds',
                           p_max_attempts integer DEFAULT 3)
RETURNS SETOF runs LANGUAGE plpgsql AS $$
BEGIN
    UPDATE runs
       SET status = CASE WHEN cancel_requested THEN 'cancelled' ELSE 'failed' END,
           finished_at = clock_timestamp(),
           error = CASE WHEN cancel_requested THEN 'cancelled while its worker was gone'
                        ELSE format('gave up after %s attempts: each one''s worker stopped heartbeating', attempt) END
     WHERE id IN (SELECT id FROM runs
                   WHERE status = 'running' AND lease_until < clock_timestamp() AND lane = ANY (p_lanes)
                     AND (cancel_requested OR attempt >= p_max_attempts)
                     FOR UPDATE SKIP LOCKED);
    RETURN QUERY
    UPDATE runs r
       SET status = 'running', worker = p_worker, attempt = r.attempt + 1, heartbeat_at = clock_timestamp(),
           lease_until = clock_timestamp() + p_lease, started_at = clock_timestamp()
     WHERE r.id IN (SELECT id FROM runs
                     WHERE lane = ANY (p_lanes)
                       AND (status = 'queued'
                            OR (status = 'running' AND lease_until < clock_timestamp()
                                AND NOT cancel_requested AND attempt < p_max_attempts))
                     ORDER BY created_at, id
                     LIMIT p_limit
                       FOR UPDATE SKIP LOCKED)
    RETURNING r.*;
END
$$;

-- Renews p_worker's lease on the attempt it holds. 'ok' while it holds the run, 'cancel' once its cancellation
-- was asked, 'lost' when it no longer holds it (another attempt does, or the run is over).
CREATE FUNCTION heartbeat_run(p_run uuid, p_worker text, p_attempt integer, p_lease interval DEFAULT '30 seconds')
RETURNS text LANGUAGE sql AS $$
    WITH beat AS (
        UPDATE runs SET heartbeat_at = clock_timestamp(), lease_until = clock_timestamp() + p_lease
         WHERE id = p_run AND worker = p_worker AND attempt = p_attempt AND status = 'running'
        RETURNING cancel_requested)
    SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM beat) THEN 'lost'
                WHEN (SELECT cancel_requested FROM beat) THEN 'cancel' ELSE 'ok' END
$$;

-- Hands a run back to the queue (its worker is stopping): the next claim starts it again as a new attempt.
CREATE FUNCTION release_run(p_run uuid, p_worker text, p_attempt integer) RETURNS boolean
LANGUAGE sql AS $$
    WITH back AS (
        UPDATE runs SET status = CASE WHEN cancel_requested THEN 'cancelled' ELSE 'queued' END, worker = NULL,
                        lease_until = NULL
         WHERE id = p_run AND worker = p_worker AND attempt = p_attempt AND status = 'running'
        RETURNING 1)
    SELECT EXISTS (SELECT 1 FROM back)
$$;

-- Asks for a run to stop: a queued run is cancelled at once, a running one when its worker next beats.
-- Returns the run's status afterwards (nothing for a run that is over).
CREATE FUNCTION cancel_run(p_run uuid) RETURNS text
LANGUAGE sql AS $$
    UPDATE runs
       SET cancel_requested = true,
           status = CASE WHEN status = 'queued' THEN 'cancelled' ELSE status END,
           finished_at = CASE WHEN status = 'queued' THEN clock_timestamp() ELSE finished_at END
     WHERE id = p_run AND status IN ('queued', 'running')
    RETURNING status
$$;

-- One event of the attempt p_worker holds; false (nothing stored) when it holds it no longer.
CREATE FUNCTION append_event(p_run uuid, p_worker text, p_attempt integer, p_event jsonb) RETURNS boolean
LANGUAGE sql AS $$
    WITH held AS (SELECT 1 FROM runs WHERE id = p_run AND worker = p_worker AND attempt = p_attempt AND status = 'running'),
    stored AS (
        INSERT INTO run_events (run_id, attempt, seq, type, body)
        SELECT p_run, p_attempt, (p_event ->> 'seq')::integer, p_event ->> 'type', p_event FROM held
        RETURNING 1)
    SELECT EXISTS (SELECT 1 FROM stored)
$$;

-- One artifact of the attempt p_worker holds (its bytes already checked against the event's sha256).
CREATE FUNCTION put_artifact(p_run uuid, p_worker text, p_attempt integer, p_name text, p_path text, p_media_type text,
                             p_sha256 text, p_content bytea) RETURNS boolean
LANGUAGE sql AS $$
    WITH held AS (SELECT 1 FROM runs WHERE id = p_run AND worker = p_worker AND attempt = p_attempt AND status = 'running'),
    stored AS (
        INSERT INTO artifacts (run_id, attempt, name, path, media_type, bytes, sha256, content)
        SELECT p_run, p_attempt, p_name, p_path, p_media_type, length(p_content), p_sha256, p_content FROM held
        RETURNING 1)
    SELECT EXISTS (SELECT 1 FROM stored)
$$;

-- Ends the attempt p_worker holds with p_status ('succeeded', 'failed' or 'cancelled'); false when it holds it no
-- longer (another worker reclaimed it), so a run is completed once.
CREATE FUNCTION complete_run(p_run uuid, p_worker text, p_attempt integer, p_status text, p_exit_code integer,
                             p_error text) RETURNS boolean
LANGUAGE sql AS $$
    WITH done AS (
        UPDATE runs SET status = p_status, exit_code = p_exit_code, error = p_error, finished_at = clock_timestamp()
         WHERE id = p_run AND worker = p_worker AND attempt = p_attempt AND status = 'running'
           AND p_status IN ('succeeded', 'failed', 'cancelled')
        RETURNING 1)
    SELECT EXISTS (SELECT 1 FROM done)
$$;
