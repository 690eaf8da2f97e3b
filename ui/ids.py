"""Every action_id, callback_id and block_id Dealbot uses, named once.

Builders put these on blocks; listeners register on them. A value is only ever
typed here.
"""

# Slash command and shortcuts
COMMAND = "/deal"

# Modals (callback_id)
DEAL_MODAL = "deal_modal"
LOST_MODAL = "lost_modal"
STAGES_MODAL = "stages_modal"
SETTINGS_MODAL = "settings_modal"
DEAL_CARD_MODAL = "deal_card_modal"

# Deal modal inputs (block_id; the action_id inside is "value")
DEAL_NAME = "deal_name"
DEAL_CUSTOMER = "deal_customer"
DEAL_VALUE = "deal_value"
DEAL_CURRENCY = "deal_currency"
DEAL_CLOSE_DATE = "deal_close_date"
DEAL_OWNER = "deal_owner"
DEAL_STAGE = "deal_stage"
DEAL_DESCRIPTION = "deal_description"
INPUT = "value"

# Lost modal
LOST_REASON = "lost_reason"
LOST_DETAIL = "lost_detail"

# Settings modal
SETTINGS_CHANNEL = "settings_channel"
SETTINGS_CURRENCY = "settings_currency"
SETTINGS_LANGUAGE = "settings_language"
SETTINGS_VISIBILITY = "settings_visibility"
SETTINGS_LOST_REASONS = "settings_lost_reasons"

# Stages modal
STAGE_ROW = "stage_row"  # block_id prefix: stage_row:<stage id>
STAGE_ACTIONS = "stage_actions"  # overflow on each row
STAGE_ADD = "stage_add"
STAGE_MOVE_TO = "stage_move_to"
STAGE_EDIT_NAME = "stage_edit_name"
STAGE_EDIT_PROBABILITY = "stage_edit_probability"
STAGE_EDIT_MODAL = "stage_edit_modal"

# Deal card buttons
DEAL_NEXT_STAGE = "deal_next_stage"
DEAL_MOVE_TO = "deal_move_to"
DEAL_WON = "deal_won"
DEAL_LOST = "deal_lost"
DEAL_REOPEN = "deal_reopen"
DEAL_EDIT = "deal_edit"
DEAL_OPEN = "deal_open"  # "Open" on a list row or board card

# Deal list paging
LIST_PREVIOUS = "list_previous"
LIST_NEXT = "list_next"

# App Home
HOME_MINE = "home_mine"
HOME_ALL = "home_all"
HOME_NEW_DEAL = "home_new_deal"

# --- Notes, documents and the deal's history (issue 3) ---------------------------
# Message shortcuts (callback_id)
SHORTCUT_LOG_TO_DEAL = "log_to_deal"
SHORTCUT_ATTACH_TO_DEAL = "attach_to_deal"

# Note modal (callback_id) and its inputs (block_id; action_id is INPUT)
NOTE_MODAL = "note_modal"
NOTE_DEAL = "note_deal"  # the deal picker, when the modal does not know the deal
NOTE_KIND = "note_kind"
NOTE_DATE = "note_date"
NOTE_TIME = "note_time"
NOTE_PARTICIPANTS = "note_participants"
NOTE_CONTACTS = "note_contacts"  # its element is the contacts typeahead
NOTE_OTHERS = "note_others"
NOTE_SUMMARY = "note_summary"
NOTE_OUTCOME = "note_outcome"
NOTE_NEXT_STEPS = "note_next_steps"

# One note shown whole (callback_id) and the buttons on a note
NOTE_VIEW_MODAL = "note_view_modal"
NOTE_OPEN = "note_open"
NOTE_EDIT = "note_edit"
NOTE_DELETE = "note_delete"

# Attach modal (callback_id) and its inputs (block_id; action_id is INPUT)
ATTACH_MODAL = "attach_modal"
ATTACH_DEAL = "attach_deal"
ATTACH_FILES = "attach_files"
ATTACH_KIND = "attach_kind"

# The deal picker's external_select (action_id), answered by an options handler
DEAL_PICKER = "deal_picker"

# Deal card buttons
DEAL_ADD_NOTE = "deal_add_note"
DEAL_HISTORY = "deal_history"
DEAL_ATTACH = "deal_attach"

# History paging, and the history shown in a modal (callback_id)
HISTORY_MODAL = "history_modal"
HISTORY_PREVIOUS = "history_previous"
HISTORY_NEXT = "history_next"

# --- Customers and contacts (the register, its pickers, the deal's contacts) ---
CONTACT_MODAL = "contact_modal"
COMPANY_MODAL = "company_modal"
# Contact form inputs (block_id; the action_id inside is INPUT, but for the picker)
CONTACT_NAME = "contact_name"
CONTACT_COMPANY = "contact_company"
CONTACT_JOB_TITLE = "contact_job_title"
CONTACT_EMAIL = "contact_email"
CONTACT_PHONE = "contact_phone"
CONTACT_NOTES = "contact_notes"
# Company form inputs
COMPANY_NAME = "company_name"
COMPANY_REGISTRATION = "company_registration"
COMPANY_VAT = "company_vat"
COMPANY_ADDRESS = "company_address"
COMPANY_WEBSITE = "company_website"
COMPANY_NOTES = "company_notes"
# Typeaheads (action_id of external selects; each has its options handler)
COMPANY_PICKER = "company_picker"
CONTACT_PICKER = "contact_picker"
# Deal modal inputs holding the pickers (block_id)
DEAL_COMPANY = "deal_company"
DEAL_CONTACTS = "deal_contacts"
# Buttons on the register list and in the forms
CONTACT_NEW = "contact_new"
COMPANY_NEW = "company_new"
CONTACT_EDIT = "contact_edit"
COMPANY_EDIT = "company_edit"
USE_EXISTING = "customer_use_existing"  # value: "contact:<id>" / "company:<id>"
DUPLICATE_NOTICE = "customer_duplicate"  # block_id of the "already registered" note
# Deal card: a contact's role on the deal; block_id deal_contact:<deal>:<contact>
DEAL_CONTACT_ROLE = "deal_contact_role"
