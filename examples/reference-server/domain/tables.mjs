// @ts-check
/**
 * The tables of migrations/005_relational.sql as Kysely sees them: `Kysely<Database>` makes every
 * query in domain/ typed (`npm run typecheck:server`). Types only; nothing runs here.
 *
 * `Generated<T>`: the database fills it in (a default or an identity). Timestamps are written as
 * `Date` or ISO strings and read as `Date`; `bigint` counts are cast to `int` in the queries.
 *
 */

/**
 * @template T
 * @typedef {import('kysely').Generated<T>} Generated
 */

/**
 * @typedef {import('kysely').ColumnType<Date, Date | string, Date | string>} Timestamp
 * @typedef {import('kysely').ColumnType<Date, Date | string | undefined, Date | string>} DefaultTimestamp
 *
 * @typedef {object} SchoolsTable
 * @property {string} id
 * @property {Generated<string>} name
 * @property {DefaultTimestamp} created_at
 * @property {Generated<boolean>} share_within_family (011_households.sql)
 *
 * @typedef {object} ClassesTable
 * @property {string} id
 * @property {string} school_id
 * @property {string | null} label
 * @property {DefaultTimestamp} created_at
 *
 * @typedef {object} HouseholdsTable
 * @property {string} id
 * @property {string} school_id
 * @property {string} name
 * @property {DefaultTimestamp} created_at
 *
 * @typedef {object} AddressesTable (011_households.sql: the contract's household, one address of a family)
 * @property {string} id
 * @property {string} household_id
 * @property {Generated<string>} name
 * @property {Generated<number>} position
 * @property {DefaultTimestamp} created_at
 *
 * @typedef {object} ClassHouseholdsTable
 * @property {string} class_id
 * @property {string} household_id
 * @property {Generated<number>} position
 *
 * @typedef {object} ChildrenTable
 * @property {string} id
 * @property {string} class_id
 * @property {string | null} household_id
 * @property {string} name
 * @property {DefaultTimestamp} created_at
 *
 * @typedef {'parent' | 'child' | 'teacher' | 'care-coordinator' | 'school-leader'} Role
 *
 * @typedef {object} ViewersTable
 * @property {string} id
 * @property {Role} role
 * @property {string | null} school_id
 * @property {string | null} household_id
 * @property {string | null} name
 * @property {DefaultTimestamp} created_at
 * @property {Generated<string | null>} address_id (011_households.sql)
 *
 * @typedef {object} ViewerClassesTable
 * @property {string} viewer_id
 * @property {string} class_id
 * @property {Generated<number>} position
 *
 * @typedef {object} ViewerChildrenTable
 * @property {string} viewer_id
 * @property {string} child_id
 * @property {Generated<number>} position
 *
 * @typedef {object} ClipsTable
 * @property {string} id
 * @property {string} class_id
 * @property {string} programme
 * @property {string | null} programme_label
 * @property {number | null} lesson_number
 * @property {string} title
 * @property {string | null} goal
 * @property {string | null} learned
 * @property {string | null} home_question
 * @property {string | null} home_activity
 * @property {string | null} class_label
 * @property {string | null} group_label the group of the class it was for (migration 008)
 * @property {string | null} co_teacher who gave it with the teacher (migration 008)
 * @property {string | null} lang
 * @property {boolean | null} media_consent
 * @property {Timestamp} posted_at
 * @property {string | null} published_by
 * @property {Timestamp | null} scheduled_at when parents and children see it (migration 018)
 * @property {'follow-up' | 'repeat' | null} follows_up_kind a follow-up post or repeat lesson (migration 018)
 * @property {number | null} follows_up_lesson the lesson of the run it follows up (migration 018)
 * @property {string | null} follows_up_class_id the class of that run (migration 018)
 * @property {string | null} follows_up_clip_id the clip of that lesson (migration 018)
 * @property {string | null} follows_up_run_id the run, when the host names runs (migration 018)
 * @property {DefaultTimestamp} created_at
 *
 * @typedef {object} ClipMediaTable
 * @property {string} clip_id
 * @property {number} position
 * @property {'photo' | 'video' | 'poster' | 'captions'} role
 * @property {string | null} upload_id
 * @property {string | null} url
 * @property {string | null} alt
 * @property {string | null} srclang
 * @property {string | null} label
 * @property {Generated<boolean>} is_default
 * @property {string | null} content_type
 *
 * @typedef {object} HomeAnswersTable
 * @property {string} id
 * @property {string} clip_id
 * @property {string} household_id
 * @property {string | null} carer_id the carer whose answer it is (migration 007); null: nobody's to read
 * @property {'text' | 'talked'} kind
 * @property {string | null} text
 * @property {Timestamp} updated_at
 * @property {Generated<boolean>} share_with_class the family lets the class see the words (015_class_board.sql)
 * @property {Generated<string | null>} address_id the address (household) whose answer it is (019_answers_per_household.sql); null: a carer without one
 *
 * @typedef {object} SeenMarksTable
 * @property {string} clip_id
 * @property {string} household_id
 * @property {DefaultTimestamp} seen_at
 * @property {Generated<string | null>} address_id (011_households.sql: seen at one address; null, the whole family)
 *
 * @typedef {object} PostsTable
 * @property {string} id
 * @property {string} class_id
 * @property {DefaultTimestamp} created_at
 *
 * @typedef {object} ReactionsTable
 * @property {string | null} clip_id
 * @property {string | null} post_id
 * @property {import('kysely').GeneratedAlways<string>} target_id
 * @property {string} reaction
 * @property {string} household_id
 * @property {string | null} reacted_by
 * @property {DefaultTimestamp} created_at
 *
 * @typedef {object} RepliesTable
 * @property {string} id
 * @property {string | null} clip_id
 * @property {string | null} post_id
 * @property {import('kysely').GeneratedAlways<string>} target_id
 * @property {string | null} household_id
 * @property {string | null} author_id
 * @property {string} text
 * @property {DefaultTimestamp} created_at
 * @property {Generated<string | null>} address_id the author's address (019_answers_per_household.sql)
 *
 * @typedef {object} ThreadMessagesTable (010_threads.sql)
 * @property {string} id
 * @property {import('kysely').GeneratedAlways<string>} seq
 * @property {string} thread_key
 * @property {string} about_kind
 * @property {string} about_id
 * @property {string} household_id
 * @property {'family' | 'teacher'} from_side
 * @property {string | null} author_id
 * @property {string} text
 * @property {DefaultTimestamp} created_at
 *
 * @typedef {object} ThreadReadsTable
 * @property {string} thread_key
 * @property {string} viewer_id
 * @property {string} household_id
 * @property {number} read_count
 * @property {DefaultTimestamp} updated_at
 *
 * @typedef {object} MeetingsTable (013_course.sql)
 * @property {string} id
 * @property {string} class_id
 * @property {'information-evening' | 'last-lesson' | 'child-conversation'} kind
 * @property {string | null} programme
 * @property {string} title
 * @property {Timestamp} starts_at
 * @property {import('kysely').ColumnType<Date | null, Date | string | null | undefined, Date | string | null>} ends_at
 * @property {string} place
 * @property {string | null} bring
 * @property {string | null} description
 * @property {string | null} host_name
 * @property {string | null} summary
 * @property {string | null} lang
 * @property {DefaultTimestamp} created_at
 *
 * @typedef {object} MeetingRepliesTable (013_course.sql: `meeting_rsvps` and `meeting_preparations` share the key)
 * @property {string} meeting_id
 * @property {string} household_id
 * @property {string | null} address_id
 * @property {import('kysely').ColumnType<string, never, never>} address_key
 * @property {string} id
 * @property {DefaultTimestamp} updated_at
 *
 * @typedef {MeetingRepliesTable & { answer: 'yes' | 'maybe' | 'no', people: number }} MeetingRsvpsTable
 * @typedef {MeetingRepliesTable & { keywords: string, goes_well: string, talk_about: string }} MeetingPreparationsTable
 *
 * @typedef {object} IntrosTable (013_course.sql)
 * @property {string} id
 * @property {string} class_id
 * @property {string} programme
 * @property {string | null} programme_label
 * @property {string | null} class_label
 * @property {string | null} about
 * @property {import('kysely').ColumnType<string[] | null, string | null | undefined, string | null>} home_asks JSON
 * @property {import('kysely').ColumnType<Date | null, Date | string | null | undefined, Date | string | null>} posted_at
 * @property {string | null} lang
 * @property {DefaultTimestamp} created_at
 *
 * @typedef {object} IntroLessonsTable
 * @property {string} intro_id
 * @property {number} number
 * @property {string} title
 * @property {string | null} goal
 * @property {import('kysely').ColumnType<Date | null, Date | string | null | undefined, Date | string | null>} planned_at
 *
 * @typedef {object} IntroContactsTable
 * @property {string} intro_id
 * @property {number} position
 * @property {'teacher' | 'care-coordinator' | 'youth-centre' | 'other'} role
 * @property {string} name
 * @property {string | null} how
 *
 * @typedef {object} RewardChartsTable
 * @property {string} id
 * @property {'class' | 'personal'} kind
 * @property {string} class_id
 * @property {string | null} child_id
 * @property {string} title
 * @property {number} goal
 * @property {string} reward
 * @property {Generated<boolean>} home_stickers_enabled
 * @property {import('kysely').ColumnType<ChartChoices | null, string | null | undefined, string | null>} choices the child's options and choice (016_chart_choices.sql)
 * @property {string | null} lang
 * @property {DefaultTimestamp} created_at
 *
 * @typedef {object} ChartFocusTable
 * @property {string} chart_id
 * @property {number} position
 * @property {string} id
 * @property {string} text
 * @property {string | null} pictogram
 *
 * @typedef {object} EarnedRewardsTable
 * @property {import('kysely').GeneratedAlways<number>} id
 * @property {string} chart_id
 * @property {string} reward
 * @property {Timestamp} earned_at
 * @property {string | null} redeemed_by
 *
 * @typedef {object} AwardsTable
 * @property {string} id
 * @property {string} chart_id
 * @property {'school' | 'home'} source
 * @property {string | null} expectation_id
 * @property {string | null} reason
 * @property {string | null} given_by
 * @property {Timestamp} created_at
 * @property {number | null} redeemed_in
 * @property {import('kysely').ColumnType<string | null, string | null | undefined, string | null>} for_child_id a teacher's token for one child of a class chart (014, issue 24)
 *
 * @typedef {object} CheckinsTable
 * @property {string} id
 * @property {string} child_id
 * @property {string} feeling
 * @property {number} strength
 * @property {'home' | 'school'} context
 * @property {string | null} note
 * @property {Timestamp} created_at
 * @property {number | null} utc_offset_minutes
 * @property {string} local_day
 * @property {string | null} recorded_by
 * @property {DefaultTimestamp} updated_at
 *
 * @typedef {object} MatricesTable
 * @property {string} id
 * @property {'school' | 'home'} kind
 * @property {string | null} school_id
 * @property {string | null} household_id
 * @property {number} version
 * @property {DefaultTimestamp} created_at
 *
 * @typedef {object} MatrixVersionsTable
 * @property {string} matrix_id
 * @property {number} version
 * @property {string | null} title
 * @property {string | null} lang
 * @property {string | null} saved_by
 * @property {DefaultTimestamp} saved_at
 *
 * @typedef {object} MatrixAxisTable
 * @property {string} matrix_id
 * @property {number} version
 * @property {number} position
 * @property {string} id
 * @property {string} label
 * @property {string | null} pictogram
 *
 * @typedef {object} MatrixCellsTable
 * @property {string} matrix_id
 * @property {number} version
 * @property {string} value_id
 * @property {string} location_id
 * @property {number} position
 * @property {string} id
 * @property {string} text
 * @property {string | null} pictogram
 *
 * @typedef {object} MatrixFocusTable
 * @property {string} matrix_id
 * @property {number} version
 * @property {string} value_id
 * @property {string} location_id
 * @property {string | null} expectation_id
 * @property {string | null} why
 * @property {string | null} home_tip
 *
 * @typedef {object} SuccessesTable
 * @property {string} id
 * @property {string} matrix_id
 * @property {string | null} expectation_id
 * @property {string} text
 * @property {string | null} household_id
 * @property {string | null} shared_by
 * @property {Timestamp} created_at
 * @property {Generated<string | null>} address_id the address it was shared from (019_answers_per_household.sql)
 *
 * @typedef {object} UploadsTable
 * @property {string} media_id
 * @property {string} owner
 * @property {string} idempotency_key
 * @property {'video' | 'photo' | 'captions'} kind
 * @property {string} content_type
 * @property {number} size
 * @property {Generated<string>} name
 * @property {Uint8Array} bytes
 * @property {DefaultTimestamp} created_at
 *
 * @typedef {object} IdempotencyTable
 * @property {string} key
 * @property {string} request_digest
 * @property {string | null} result_id
 * @property {DefaultTimestamp} created_at
 *
 * @typedef {object} EvaluationsTable (017_evaluations.sql)
 * @property {string} id
 * @property {string} programme_run_id
 * @property {string} programme
 * @property {'before' | 'after'} phase
 * @property {string} title
 * @property {string[]} audiences
 * @property {Generated<boolean>} anonymous
 * @property {import('kysely').ColumnType<Date | null, Date | string | null | undefined, Date | string | null>} closes_at
 * @property {string | null} lang
 * @property {string | null} created_by
 * @property {DefaultTimestamp} created_at
 * @property {DefaultTimestamp} updated_at
 *
 * @typedef {object} EvaluationClassesTable (017_evaluations.sql)
 * @property {string} evaluation_id
 * @property {string} class_id
 *
 * @typedef {object} EvaluationQuestionsTable (017_evaluations.sql: the school's own questions)
 * @property {string} evaluation_id
 * @property {number} position
 * @property {string} id
 * @property {'yes-no' | 'scale' | 'choice' | 'text'} kind
 * @property {string} text
 * @property {import('kysely').ColumnType<{ value: string, label: string }[] | null, string | null | undefined, string | null>} options
 * @property {('parent' | 'child' | 'teacher' | 'trainer')[] | null} audiences
 *
 * @typedef {object} EvaluationResponsesTable (017_evaluations.sql)
 * @property {string} evaluation_id
 * @property {string} respondent
 * @property {'parent' | 'child' | 'teacher' | 'trainer'} audience
 * @property {string | null} household_id
 * @property {string | null} child_id
 * @property {string | null} viewer_id
 * @property {DefaultTimestamp} submitted_at
 *
 * @typedef {object} EvaluationAnswersTable (017_evaluations.sql)
 * @property {string} evaluation_id
 * @property {string} respondent
 * @property {'parent' | 'child' | 'teacher' | 'trainer'} audience
 * @property {string} question_id
 * @property {string | null} value the value chosen (a closed question)
 * @property {string | null} words an open question's answer
 *
 * @typedef {object} Database
 * @property {SchoolsTable} schools
 * @property {ClassesTable} classes
 * @property {HouseholdsTable} households
 * @property {AddressesTable} addresses
 * @property {ClassHouseholdsTable} class_households
 * @property {ChildrenTable} children
 * @property {ViewersTable} viewers
 * @property {ViewerClassesTable} viewer_classes
 * @property {ViewerChildrenTable} viewer_children
 * @property {ClipsTable} clips
 * @property {ClipMediaTable} clip_media
 * @property {HomeAnswersTable} home_answers
 * @property {SeenMarksTable} seen_marks
 * @property {PostsTable} posts
 * @property {ReactionsTable} reactions
 * @property {RepliesTable} replies
 * @property {RewardChartsTable} reward_charts
 * @property {ChartFocusTable} chart_focus
 * @property {EarnedRewardsTable} earned_rewards
 * @property {AwardsTable} awards
 * @property {CheckinsTable} checkins
 * @property {MatricesTable} matrices
 * @property {MatrixVersionsTable} matrix_versions
 * @property {MatrixAxisTable} matrix_values
 * @property {MatrixAxisTable} matrix_locations
 * @property {MatrixCellsTable} matrix_cells
 * @property {MatrixFocusTable} matrix_focus
 * @property {SuccessesTable} successes
 * @property {UploadsTable} samen_uploads
 * @property {IdempotencyTable} samen_idempotency
 * @property {ThreadMessagesTable} thread_messages
 * @property {ThreadReadsTable} thread_reads
 * @property {MeetingsTable} meetings
 * @property {MeetingRsvpsTable} meeting_rsvps
 * @property {MeetingPreparationsTable} meeting_preparations
 * @property {IntrosTable} intros
 * @property {IntroLessonsTable} intro_lessons
 * @property {IntroContactsTable} intro_contacts
 * @property {EvaluationsTable} evaluations
 * @property {EvaluationClassesTable} evaluation_classes
 * @property {EvaluationQuestionsTable} evaluation_questions
 * @property {EvaluationResponsesTable} evaluation_responses
 * @property {EvaluationAnswersTable} evaluation_answers
 *
 * @typedef {import('../../../dist/reward-chart/schemas.js').ChartChoices} ChartChoices
 * @typedef {import('kysely').Kysely<Database>} DB a database or a transaction: queries run on it
 */

export {};
