"""Contains all the data models used in inputs/outputs"""

from .access_level import AccessLevel
from .custom_attribute import CustomAttribute
from .error_object import ErrorObject
from .error_object_errors_item import ErrorObjectErrorsItem
from .error_response import ErrorResponse
from .error_response_errors_item import ErrorResponseErrorsItem
from .grant_access_request import GrantAccessRequest
from .installation_meta import InstallationMeta
from .installation_meta_platform_type_0 import InstallationMetaPlatformType0
from .integration_identifiers_object import IntegrationIdentifiersObject
from .integration_identifiers_request import IntegrationIdentifiersRequest
from .integration_identifiers_response import IntegrationIdentifiersResponse
from .non_subscription import NonSubscription
from .offer_dto import OfferDTO
from .offer_dto_category import OfferDTOCategory
from .offer_dto_type import OfferDTOType
from .one_time_purchase import OneTimePurchase
from .one_time_purchase_cancellation_reason_type_0 import OneTimePurchaseCancellationReasonType0
from .one_time_purchase_environment import OneTimePurchaseEnvironment
from .one_time_purchase_purchase_type import OneTimePurchasePurchaseType
from .paddle_validation_request import PaddleValidationRequest
from .pagination_object import PaginationObject
from .paywall_list_item import PaywallListItem
from .paywall_list_item_products_item import PaywallListItemProductsItem
from .paywall_list_item_products_item_offer_type_0 import PaywallListItemProductsItemOfferType0
from .paywall_list_item_products_item_product_set import PaywallListItemProductsItemProductSet
from .paywall_list_item_state import PaywallListItemState
from .paywall_list_response import PaywallListResponse
from .paywall_list_response_meta import PaywallListResponseMeta
from .paywall_list_response_meta_pagination import PaywallListResponseMetaPagination
from .paywall_object import PaywallObject
from .paywall_object_main_screenshot_type_0 import PaywallObjectMainScreenshotType0
from .paywall_object_state import PaywallObjectState
from .paywall_response import PaywallResponse
from .paywall_response_main_screenshot_type_0 import PaywallResponseMainScreenshotType0
from .paywall_response_products_item import PaywallResponseProductsItem
from .paywall_response_products_item_offer_type_0 import PaywallResponseProductsItemOfferType0
from .paywall_response_products_item_product_set import PaywallResponseProductsItemProductSet
from .paywall_response_remote_configs_item import PaywallResponseRemoteConfigsItem
from .paywall_response_state import PaywallResponseState
from .paywall_update_request import PaywallUpdateRequest
from .paywall_update_request_remote_configs_item import PaywallUpdateRequestRemoteConfigsItem
from .price_dto import PriceDTO
from .product_object import ProductObject
from .product_object_offer_type_0 import ProductObjectOfferType0
from .profile import Profile
from .profile_request import ProfileRequest
from .profile_request_att_status_type_0 import ProfileRequestAttStatusType0
from .profile_request_gender_type_0 import ProfileRequestGenderType0
from .profile_request_store_type_0 import ProfileRequestStoreType0
from .profile_response import ProfileResponse
from .refund_saver_settings_object import RefundSaverSettingsObject
from .refund_saver_settings_object_custom_preference import RefundSaverSettingsObjectCustomPreference
from .refund_saver_settings_request import RefundSaverSettingsRequest
from .refund_saver_settings_request_custom_preference_type_0 import RefundSaverSettingsRequestCustomPreferenceType0
from .refund_saver_settings_response import RefundSaverSettingsResponse
from .refund_saver_settings_response_settings import RefundSaverSettingsResponseSettings
from .refund_saver_settings_response_settings_custom_preference import (
    RefundSaverSettingsResponseSettingsCustomPreference,
)
from .remote_config_object import RemoteConfigObject
from .revoke_access_request import RevokeAccessRequest
from .stripe_error_response import StripeErrorResponse
from .stripe_error_response_errors_item import StripeErrorResponseErrorsItem
from .stripe_error_response_errors_item_source import StripeErrorResponseErrorsItemSource
from .stripe_validation_request import StripeValidationRequest
from .stripe_validation_request_data import StripeValidationRequestData
from .stripe_validation_request_data_attributes import StripeValidationRequestDataAttributes
from .stripe_validation_request_data_type import StripeValidationRequestDataType
from .stripe_validation_response import StripeValidationResponse
from .stripe_validation_response_data_type_0 import StripeValidationResponseDataType0
from .subscription import Subscription
from .subscription_dto import SubscriptionDTO
from .subscription_dto_cancellation_reason_type_0 import SubscriptionDTOCancellationReasonType0
from .subscription_dto_environment import SubscriptionDTOEnvironment
from .subscription_dto_purchase_type import SubscriptionDTOPurchaseType
from .virtual_currency_balance_adjustment import VirtualCurrencyBalanceAdjustment
from .virtual_currency_balance_change import VirtualCurrencyBalanceChange
from .virtual_currency_balance_list_response import VirtualCurrencyBalanceListResponse
from .virtual_currency_balance_snapshot import VirtualCurrencyBalanceSnapshot
from .virtual_currency_history_pagination import VirtualCurrencyHistoryPagination
from .virtual_currency_profile_balance_item import VirtualCurrencyProfileBalanceItem
from .virtual_currency_transaction_request import VirtualCurrencyTransactionRequest
from .virtual_currency_transaction_request_metadata_type_0 import VirtualCurrencyTransactionRequestMetadataType0
from .virtual_currency_transaction_response import VirtualCurrencyTransactionResponse
from .virtual_currency_transactions_history_item import VirtualCurrencyTransactionsHistoryItem
from .virtual_currency_transactions_history_item_metadata_type_0 import (
    VirtualCurrencyTransactionsHistoryItemMetadataType0,
)
from .virtual_currency_transactions_history_response import VirtualCurrencyTransactionsHistoryResponse

__all__ = (
    "AccessLevel",
    "CustomAttribute",
    "ErrorObject",
    "ErrorObjectErrorsItem",
    "ErrorResponse",
    "ErrorResponseErrorsItem",
    "GrantAccessRequest",
    "InstallationMeta",
    "InstallationMetaPlatformType0",
    "IntegrationIdentifiersObject",
    "IntegrationIdentifiersRequest",
    "IntegrationIdentifiersResponse",
    "NonSubscription",
    "OfferDTO",
    "OfferDTOCategory",
    "OfferDTOType",
    "OneTimePurchase",
    "OneTimePurchaseCancellationReasonType0",
    "OneTimePurchaseEnvironment",
    "OneTimePurchasePurchaseType",
    "PaddleValidationRequest",
    "PaginationObject",
    "PaywallListItem",
    "PaywallListItemProductsItem",
    "PaywallListItemProductsItemOfferType0",
    "PaywallListItemProductsItemProductSet",
    "PaywallListItemState",
    "PaywallListResponse",
    "PaywallListResponseMeta",
    "PaywallListResponseMetaPagination",
    "PaywallObject",
    "PaywallObjectMainScreenshotType0",
    "PaywallObjectState",
    "PaywallResponse",
    "PaywallResponseMainScreenshotType0",
    "PaywallResponseProductsItem",
    "PaywallResponseProductsItemOfferType0",
    "PaywallResponseProductsItemProductSet",
    "PaywallResponseRemoteConfigsItem",
    "PaywallResponseState",
    "PaywallUpdateRequest",
    "PaywallUpdateRequestRemoteConfigsItem",
    "PriceDTO",
    "ProductObject",
    "ProductObjectOfferType0",
    "Profile",
    "ProfileRequest",
    "ProfileRequestAttStatusType0",
    "ProfileRequestGenderType0",
    "ProfileRequestStoreType0",
    "ProfileResponse",
    "RefundSaverSettingsObject",
    "RefundSaverSettingsObjectCustomPreference",
    "RefundSaverSettingsRequest",
    "RefundSaverSettingsRequestCustomPreferenceType0",
    "RefundSaverSettingsResponse",
    "RefundSaverSettingsResponseSettings",
    "RefundSaverSettingsResponseSettingsCustomPreference",
    "RemoteConfigObject",
    "RevokeAccessRequest",
    "StripeErrorResponse",
    "StripeErrorResponseErrorsItem",
    "StripeErrorResponseErrorsItemSource",
    "StripeValidationRequest",
    "StripeValidationRequestData",
    "StripeValidationRequestDataAttributes",
    "StripeValidationRequestDataType",
    "StripeValidationResponse",
    "StripeValidationResponseDataType0",
    "Subscription",
    "SubscriptionDTO",
    "SubscriptionDTOCancellationReasonType0",
    "SubscriptionDTOEnvironment",
    "SubscriptionDTOPurchaseType",
    "VirtualCurrencyBalanceAdjustment",
    "VirtualCurrencyBalanceChange",
    "VirtualCurrencyBalanceListResponse",
    "VirtualCurrencyBalanceSnapshot",
    "VirtualCurrencyHistoryPagination",
    "VirtualCurrencyProfileBalanceItem",
    "VirtualCurrencyTransactionRequest",
    "VirtualCurrencyTransactionRequestMetadataType0",
    "VirtualCurrencyTransactionResponse",
    "VirtualCurrencyTransactionsHistoryItem",
    "VirtualCurrencyTransactionsHistoryItemMetadataType0",
    "VirtualCurrencyTransactionsHistoryResponse",
)
