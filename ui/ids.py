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
STAGE_NEW_NAME = "stage_new_name"
STAGE_NEW_PROBABILITY = "stage_new_probability"
STAGE_ADD = "stage_add"
STAGE_MOVE_TO = "stage_move_to"
STAGE_REMOVE_CONFIRM = "stage_remove_confirm"
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
