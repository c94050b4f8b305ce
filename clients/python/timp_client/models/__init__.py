""" Contains all the data models used in inputs/outputs """

from .account import Account
from .account_manager import AccountManager
from .api_key import ApiKey
from .approve_request import ApproveRequest
from .assigned_permission import AssignedPermission
from .badge import Badge
from .candidate import Candidate
from .channel import Channel
from .check import Check
from .check_request_request import CheckRequestRequest
from .comment import Comment
from .comment_author import CommentAuthor
from .comment_event import CommentEvent
from .comment_event_event import CommentEventEvent
from .comment_event_event_type_enum import CommentEventEventTypeEnum
from .connection import Connection
from .connection_event import ConnectionEvent
from .connection_event_type_enum import ConnectionEventTypeEnum
from .connection_health import ConnectionHealth
from .connection_list_ordering import ConnectionListOrdering
from .connection_list_status import ConnectionListStatus
from .connection_request import ConnectionRequest
from .connection_request_candidates_status import ConnectionRequestCandidatesStatus
from .connection_request_event import ConnectionRequestEvent
from .connection_request_event_type_enum import ConnectionRequestEventTypeEnum
from .connection_request_list_status import ConnectionRequestListStatus
from .connection_request_status_enum import ConnectionRequestStatusEnum
from .connection_status_enum import ConnectionStatusEnum
from .created_api_key import CreatedApiKey
from .created_request import CreatedRequest
from .created_webhook_endpoint import CreatedWebhookEndpoint
from .credentials import Credentials
from .delivery import Delivery
from .delivery_status_enum import DeliveryStatusEnum
from .deny_request import DenyRequest
from .dir_enum import DirEnum
from .disabled_endpoint import DisabledEndpoint
from .disabled_endpoint_event import DisabledEndpointEvent
from .disabled_endpoint_event_type_enum import DisabledEndpointEventTypeEnum
from .discovered_retailer import DiscoveredRetailer
from .discovered_retailers_list import DiscoveredRetailersList
from .discovered_supplier import DiscoveredSupplier
from .discovered_suppliers_list import DiscoveredSuppliersList
from .discovery_body_request import DiscoveryBodyRequest
from .discovery_retailers_list_dir import DiscoveryRetailersListDir
from .discovery_retailers_list_sort import DiscoveryRetailersListSort
from .discovery_suppliers_list_dir import DiscoverySuppliersListDir
from .discovery_suppliers_list_sort import DiscoverySuppliersListSort
from .error import Error
from .event_page import EventPage
from .event_types_enum import EventTypesEnum
from .feed import Feed
from .feed_event import FeedEvent
from .feed_event_type_enum import FeedEventTypeEnum
from .feed_health_enum import FeedHealthEnum
from .feed_stage_enum import FeedStageEnum
from .file import File
from .file_event import FileEvent
from .file_event_type_enum import FileEventTypeEnum
from .file_upload_request import FileUploadRequest
from .health import Health
from .health_day import HealthDay
from .import_ import Import
from .import_detail import ImportDetail
from .import_error import ImportError_
from .import_event import ImportEvent
from .import_event_type_enum import ImportEventTypeEnum
from .import_status_enum import ImportStatusEnum
from .import_upload_request import ImportUploadRequest
from .integration import Integration
from .integration_type_enum import IntegrationTypeEnum
from .integration_write_request import IntegrationWriteRequest
from .integration_write_request_integration_type_type_1 import IntegrationWriteRequestIntegrationTypeType1
from .integration_write_request_type_type_1 import IntegrationWriteRequestTypeType1
from .invalid_input import InvalidInput
from .invalid_input_additional_property_type_1 import InvalidInputAdditionalPropertyType1
from .invitation_request import InvitationRequest
from .invitation_validity import InvitationValidity
from .invited_user import InvitedUser
from .issue import Issue
from .key_enum import KeyEnum
from .kind_enum import KindEnum
from .login_request import LoginRequest
from .login_response import LoginResponse
from .new_api_key_request import NewApiKeyRequest
from .new_comment_request import NewCommentRequest
from .new_connection_request_request import NewConnectionRequestRequest
from .new_connection_request_request_uploaded_files_item_type_1 import NewConnectionRequestRequestUploadedFilesItemType1
from .new_integration_request import NewIntegrationRequest
from .new_integration_request_integration_type_type_1 import NewIntegrationRequestIntegrationTypeType1
from .new_integration_request_type_type_1 import NewIntegrationRequestTypeType1
from .notification import Notification
from .notification_frequency_enum import NotificationFrequencyEnum
from .notification_setting import NotificationSetting
from .notification_setting_change_request import NotificationSettingChangeRequest
from .notification_via_enum import NotificationViaEnum
from .org_user import OrgUser
from .organization import Organization
from .organization_name import OrganizationName
from .organization_status_enum import OrganizationStatusEnum
from .organization_type_enum import OrganizationTypeEnum
from .page_request import PageRequest
from .paginated_candidate_list import PaginatedCandidateList
from .paginated_candidate_list_pagination import PaginatedCandidateListPagination
from .paginated_check_list import PaginatedCheckList
from .paginated_check_list_pagination import PaginatedCheckListPagination
from .paginated_connection_request_list import PaginatedConnectionRequestList
from .paginated_connection_request_list_pagination import PaginatedConnectionRequestListPagination
from .paginated_file_list import PaginatedFileList
from .paginated_file_list_pagination import PaginatedFileListPagination
from .paginated_import_list import PaginatedImportList
from .paginated_import_list_pagination import PaginatedImportListPagination
from .pagination import Pagination
from .participation import Participation
from .participation_change_request import ParticipationChangeRequest
from .password_completion_request import PasswordCompletionRequest
from .password_request import PasswordRequest
from .password_reset_answer import PasswordResetAnswer
from .password_reset_request_request import PasswordResetRequestRequest
from .patched_account_numbers_request import PatchedAccountNumbersRequest
from .patched_connection_request_write_request import PatchedConnectionRequestWriteRequest
from .patched_connection_request_write_request_uploaded_files_item_type_1 import PatchedConnectionRequestWriteRequestUploadedFilesItemType1
from .patched_feed_change_request import PatchedFeedChangeRequest
from .patched_run_end_request import PatchedRunEndRequest
from .patched_webhook_endpoint_request import PatchedWebhookEndpointRequest
from .permission import Permission
from .permission_assignments import PermissionAssignments
from .permission_change_request import PermissionChangeRequest
from .permission_uuids_enum import PermissionUuidsEnum
from .person import Person
from .ping import Ping
from .ping_answer import PingAnswer
from .ping_event import PingEvent
from .ping_event_type_enum import PingEventTypeEnum
from .reason_request import ReasonRequest
from .recover_request import RecoverRequest
from .recovered import Recovered
from .reporter import Reporter
from .reset_token import ResetToken
from .role import Role
from .run import Run
from .run_end_status_enum import RunEndStatusEnum
from .run_report_request import RunReportRequest
from .run_status_enum import RunStatusEnum
from .same_name import SameName
from .sandbox_run_request import SandboxRunRequest
from .secret import Secret
from .sender_enum import SenderEnum
from .sign_up_request import SignUpRequest
from .sort_request import SortRequest
from .status_change import StatusChange
from .user import User
from .user_event import UserEvent
from .user_event_type_enum import UserEventTypeEnum
from .user_status_enum import UserStatusEnum
from .visibility_enum import VisibilityEnum
from .webhook_endpoint import WebhookEndpoint
from .webhook_endpoint_request import WebhookEndpointRequest
from .webhook_stats import WebhookStats

__all__ = (
    "Account",
    "AccountManager",
    "ApiKey",
    "ApproveRequest",
    "AssignedPermission",
    "Badge",
    "Candidate",
    "Channel",
    "Check",
    "CheckRequestRequest",
    "Comment",
    "CommentAuthor",
    "CommentEvent",
    "CommentEventEvent",
    "CommentEventEventTypeEnum",
    "Connection",
    "ConnectionEvent",
    "ConnectionEventTypeEnum",
    "ConnectionHealth",
    "ConnectionListOrdering",
    "ConnectionListStatus",
    "ConnectionRequest",
    "ConnectionRequestCandidatesStatus",
    "ConnectionRequestEvent",
    "ConnectionRequestEventTypeEnum",
    "ConnectionRequestListStatus",
    "ConnectionRequestStatusEnum",
    "ConnectionStatusEnum",
    "CreatedApiKey",
    "CreatedRequest",
    "CreatedWebhookEndpoint",
    "Credentials",
    "Delivery",
    "DeliveryStatusEnum",
    "DenyRequest",
    "DirEnum",
    "DisabledEndpoint",
    "DisabledEndpointEvent",
    "DisabledEndpointEventTypeEnum",
    "DiscoveredRetailer",
    "DiscoveredRetailersList",
    "DiscoveredSupplier",
    "DiscoveredSuppliersList",
    "DiscoveryBodyRequest",
    "DiscoveryRetailersListDir",
    "DiscoveryRetailersListSort",
    "DiscoverySuppliersListDir",
    "DiscoverySuppliersListSort",
    "Error",
    "EventPage",
    "EventTypesEnum",
    "Feed",
    "FeedEvent",
    "FeedEventTypeEnum",
    "FeedHealthEnum",
    "FeedStageEnum",
    "File",
    "FileEvent",
    "FileEventTypeEnum",
    "FileUploadRequest",
    "Health",
    "HealthDay",
    "Import",
    "ImportDetail",
    "ImportError_",
    "ImportEvent",
    "ImportEventTypeEnum",
    "ImportStatusEnum",
    "ImportUploadRequest",
    "Integration",
    "IntegrationTypeEnum",
    "IntegrationWriteRequest",
    "IntegrationWriteRequestIntegrationTypeType1",
    "IntegrationWriteRequestTypeType1",
    "InvalidInput",
    "InvalidInputAdditionalPropertyType1",
    "InvitationRequest",
    "InvitationValidity",
    "InvitedUser",
    "Issue",
    "KeyEnum",
    "KindEnum",
    "LoginRequest",
    "LoginResponse",
    "NewApiKeyRequest",
    "NewCommentRequest",
    "NewConnectionRequestRequest",
    "NewConnectionRequestRequestUploadedFilesItemType1",
    "NewIntegrationRequest",
    "NewIntegrationRequestIntegrationTypeType1",
    "NewIntegrationRequestTypeType1",
    "Notification",
    "NotificationFrequencyEnum",
    "NotificationSetting",
    "NotificationSettingChangeRequest",
    "NotificationViaEnum",
    "Organization",
    "OrganizationName",
    "OrganizationStatusEnum",
    "OrganizationTypeEnum",
    "OrgUser",
    "PageRequest",
    "PaginatedCandidateList",
    "PaginatedCandidateListPagination",
    "PaginatedCheckList",
    "PaginatedCheckListPagination",
    "PaginatedConnectionRequestList",
    "PaginatedConnectionRequestListPagination",
    "PaginatedFileList",
    "PaginatedFileListPagination",
    "PaginatedImportList",
    "PaginatedImportListPagination",
    "Pagination",
    "Participation",
    "ParticipationChangeRequest",
    "PasswordCompletionRequest",
    "PasswordRequest",
    "PasswordResetAnswer",
    "PasswordResetRequestRequest",
    "PatchedAccountNumbersRequest",
    "PatchedConnectionRequestWriteRequest",
    "PatchedConnectionRequestWriteRequestUploadedFilesItemType1",
    "PatchedFeedChangeRequest",
    "PatchedRunEndRequest",
    "PatchedWebhookEndpointRequest",
    "Permission",
    "PermissionAssignments",
    "PermissionChangeRequest",
    "PermissionUuidsEnum",
    "Person",
    "Ping",
    "PingAnswer",
    "PingEvent",
    "PingEventTypeEnum",
    "ReasonRequest",
    "Recovered",
    "RecoverRequest",
    "Reporter",
    "ResetToken",
    "Role",
    "Run",
    "RunEndStatusEnum",
    "RunReportRequest",
    "RunStatusEnum",
    "SameName",
    "SandboxRunRequest",
    "Secret",
    "SenderEnum",
    "SignUpRequest",
    "SortRequest",
    "StatusChange",
    "User",
    "UserEvent",
    "UserEventTypeEnum",
    "UserStatusEnum",
    "VisibilityEnum",
    "WebhookEndpoint",
    "WebhookEndpointRequest",
    "WebhookStats",
)
