# Error pages and messages (French).
error-not-found-title = Page introuvable
error-not-found-text = La page ou l'élément demandé n'existe pas, ou ne relève pas de votre périmètre.
error-internal-title = Une erreur est survenue
error-internal-text = Votre demande n'a pas pu aboutir. Réessayez plus tard ; si l'erreur persiste, communiquez cette référence au support :
error-bad-request-title = Requête invalide
error-bad-request-text = Les données envoyées ne sont pas valides.
error-back-home = Retour à l'accueil
error-invalid-territory-code = Le code territorial n'est pas valide.
error-forbidden-title = Accès refusé
error-forbidden-text = Vos habilitations ne permettent pas d'accéder à cette page.
error-unauthorized-text = Vous devez d'abord vous connecter.
error-cross-site-text = La requête a été refusée car elle provient d'un autre site.
error-invalid-status = Ce statut n'existe pas.
